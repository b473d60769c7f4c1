package dev.polyglot.playground.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * The lessons packed into the application jar (or {@code target/classes} when run from an IDE), as
 * a {@link Path} the loader can walk like any folder.
 */
public final class Bundled {
  private static final String MARKER = "/snippets/" + CourseLoader.COURSE_FILE;

  private Bundled() {}

  public static Path snippets() {
    URL url = Bundled.class.getResource(MARKER);
    if (url == null) {
      throw new IllegalStateException("no bundled lessons on the class path; pass --snippets DIR");
    }
    try {
      URI uri = url.toURI();
      if (!"jar".equals(uri.getScheme())) {
        return Path.of(uri).getParent();
      }
      try {
        return FileSystems.newFileSystem(uri, Map.of()).provider().getPath(uri).getParent();
      } catch (FileSystemAlreadyExistsException e) {
        return FileSystems.getFileSystem(uri).provider().getPath(uri).getParent();
      }
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
