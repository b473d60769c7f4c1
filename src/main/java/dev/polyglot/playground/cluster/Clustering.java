package dev.polyglot.playground.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.vertx.core.Future;
import io.vertx.core.VertxBuilder;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PfxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * Joins the cluster: Vert.x's clustered event bus with the Hazelcast cluster manager, members found
 * over TCP/IP from a fixed list (never multicast), each cluster kept apart by its name. With a key
 * store the event bus uses mutual TLS; Hazelcast's own member traffic (membership, the event bus's
 * address book) is plain, so the member ports belong on a private network.
 */
public final class Clustering {
  private Clustering() {}

  /**
   * The Hazelcast configuration of a member, from Vert.x's defaults (its maps) and the settings.
   */
  static Config hazelcast(ClusterSettings settings) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(settings.name());
    // Quiet, and ours to stop: no phone home, no JVM shutdown hook racing the server's own.
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.logging.type", "jdk");
    // A member that stops answering is dropped in seconds, not the default minute.
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "6");
    var network = config.getNetworkConfig();
    network.setPort(settings.port()).setPortAutoIncrement(false);
    network.setPublicAddress(settings.host() + ":" + settings.port());
    network.getInterfaces().setEnabled(true).addInterface(settings.host());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    var tcp = join.getTcpIpConfig().setEnabled(true);
    settings.members().forEach(tcp::addMember);
    if (settings.members().isEmpty()) {
      tcp.addMember(settings.host() + ":" + settings.port());
    }
    return config;
  }

  /** The event bus: bound to the cluster host, on mutual TLS when there is a key store. */
  static EventBusOptions eventBus(ClusterSettings settings) {
    var options =
        new EventBusOptions()
            .setHost(settings.host())
            .setPort(settings.busPort())
            .setClusterPublicHost(settings.host());
    settings
        .keyStore()
        .ifPresent(store -> {
          var pfx =
              new PfxOptions().setPath(store.toString()).setPassword(settings.keyStorePassword());
          options
              .setSsl(true)
              .setKeyCertOptions(pfx)
              .setTrustOptions(pfx.copy())
              .setClientAuth(ClientAuth.REQUIRED);
        });
    return options;
  }

  /** Builds a clustered Vert.x; {@code builder} already has its options and metrics. */
  public static Future<io.vertx.core.Vertx> join(
      VertxBuilder builder, io.vertx.core.VertxOptions options, ClusterSettings settings) {
    options.setEventBusOptions(eventBus(settings));
    return builder
        .with(options)
        .withClusterManager(new HazelcastClusterManager(hazelcast(settings)))
        .buildClustered();
  }
}
