package dev.polyglot.playground;

/** The application version from the jar manifest, or "dev" when run from classes. */
final class Version {
  private Version() {}

  static String current() {
    String version = Version.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
