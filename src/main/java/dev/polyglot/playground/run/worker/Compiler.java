package dev.polyglot.playground.run.worker;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * javac in memory: one source file in, class files and diagnostics out. Used inside the worker for
 * edited code and by the server for the lessons' own variants, so both compile alike. Compact
 * source files (JEP 512, {@code void main()}) and classic classes both work.
 */
public final class Compiler {
  private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();
  private static final Map<String, MemoryFiles> MANAGERS = new ConcurrentHashMap<>();

  /** A compiler message at a 1-based line and column of the source. */
  public record Message(String severity, long line, long column, String text) {}

  /**
   * What came out: class files by binary name and the class to launch (the first top-level type),
   * or the messages that explain why there are none.
   */
  public record Result(Map<String, byte[]> classes, String mainClass, List<Message> messages) {
    public boolean ok() {
      return mainClass != null;
    }
  }

  private Compiler() {}

  /**
   * @param fileClassName the name the file is given ({@code Main} for {@code Main.java}); for a
   *     compact source file it becomes the class name
   * @param classPath what the code may use
   */
  public static Result compile(String fileClassName, String source, String classPath) {
    MemoryFiles files = manager(classPath);
    // One file manager per class path, kept: it indexes the jars once, so later compiles (the
    // reader's, after the warm-up ones) skip that. It is not thread-safe, hence the lock.
    synchronized (files) {
      return compile(fileClassName, source, files);
    }
  }

  private static Result compile(String fileClassName, String source, MemoryFiles files) {
    var diagnostics = new DiagnosticCollector<JavaFileObject>();
    var classes = new LinkedHashMap<String, byte[]>();
    files.collectInto(classes);
    var unit = new Source(fileClassName, source);
    var options = List.of("-proc:none", "-g:source,lines", "-Xlint:none");
    String mainClass;
    try {
      mainClass =
          files
              .pool
              .map(pool -> pool.compile(files, diagnostics, options, unit))
              .orElseGet(() ->
                  generate(
                      (JavacTask)
                          JAVAC.getTask(null, files, diagnostics, options, null, List.of(unit))));
      if (classes.isEmpty() || hasErrors(diagnostics)) {
        classes.clear();
        mainClass = null;
      }
    } catch (RuntimeException | StackOverflowError e) {
      classes.clear();
      Throwable cause = e instanceof UndeclaredThrowableException u ? u.getCause() : e;
      return new Result(
          Map.of(), null, List.of(new Message("error", 1, 1, "javac failed: " + cause)));
    }
    return new Result(classes, mainClass, messages(diagnostics, unit));
  }

  /** Parses and generates; returns the first top-level type, the class to launch. */
  static String generate(JavacTask task) {
    try {
      Iterable<? extends CompilationUnitTree> trees = task.parse();
      task.generate();
      return firstType(trees);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MemoryFiles manager(String classPath) {
    return MANAGERS.computeIfAbsent(
        classPath,
        cp -> {
          var manager = JAVAC.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
          try {
            manager.setLocation(
                StandardLocation.CLASS_PATH,
                Arrays.stream(cp.split(File.pathSeparator))
                    .filter(e -> !e.isEmpty())
                    .map(File::new)
                    .toList());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return new MemoryFiles(manager);
        });
  }

  private static boolean hasErrors(DiagnosticCollector<JavaFileObject> diagnostics) {
    return diagnostics.getDiagnostics().stream()
        .anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
  }

  private static String firstType(Iterable<? extends CompilationUnitTree> trees) {
    for (CompilationUnitTree tree : trees) {
      String pkg = tree.getPackageName() == null ? "" : tree.getPackageName() + ".";
      for (var decl : tree.getTypeDecls()) {
        if (decl instanceof ClassTree type) {
          return pkg + type.getSimpleName();
        }
      }
    }
    return null;
  }

  private static List<Message> messages(
      DiagnosticCollector<JavaFileObject> diagnostics, Source unit) {
    List<Message> messages = new ArrayList<>();
    for (var d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.NOTE) {
        continue;
      }
      boolean ours = d.getSource() == unit;
      messages.add(
          new Message(
              d.getKind() == Diagnostic.Kind.ERROR ? "error" : "warning",
              ours ? Math.max(d.getLineNumber(), 1) : 1,
              ours ? Math.max(d.getColumnNumber(), 1) : 1,
              d.getMessage(Locale.ROOT)));
    }
    return messages;
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String className, String code) {
      super(URI.create("string:///" + className + Kind.SOURCE.extension), Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }

  /** Keeps class files in a map instead of writing them to disk. */
  /**
   * Class files go to memory, into the map of the compile in progress. One instance serves every
   * compile against a class path: a pooled javac context keeps the file manager it first saw.
   */
  private static final class MemoryFiles extends ForwardingJavaFileManager<JavaFileManager> {
    /** javac contexts that have only ever seen this manager. */
    final Optional<ContextPool> pool = ContextPool.create();

    private Map<String, byte[]> classes = new LinkedHashMap<>();

    MemoryFiles(JavaFileManager files) {
      super(files);
    }

    /** Where the next compile's class files go; callers hold the manager's lock. */
    void collectInto(Map<String, byte[]> classes) {
      this.classes = classes;
    }

    /** The shared manager outlives this compile: javac must not close it. */
    @Override
    public void close() {}

    @Override
    public JavaFileObject getJavaFileForOutput(
        Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
      return new SimpleJavaFileObject(URI.create("mem:///" + className + kind.extension), kind) {
        @Override
        public OutputStream openOutputStream() {
          return new ByteArrayOutputStream() {
            @Override
            public void close() {
              MemoryFiles.this.classes.put(className, toByteArray());
            }
          };
        }
      };
    }
  }
}
