package dev.polyglot.playground.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How a node of a cluster finds the others. Members join over TCP/IP, never multicast, and {@code
 * name} keeps two clusters on one network apart. With a key store, the event bus between nodes (the
 * runs and their events) uses mutual TLS: each node presents the store's certificate and trusts
 * only it.
 *
 * @param host the address bound and advertised to the other members
 * @param port the Hazelcast member port
 * @param busPort the Vert.x event-bus port; 0 for any free one
 * @param members {@code host:port} of members to join
 */
public record ClusterSettings(
    Role role,
    String host,
    int port,
    int busPort,
    List<String> members,
    String name,
    Optional<Path> keyStore,
    String keyStorePassword) {}
