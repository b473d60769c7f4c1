package dev.polyglot.playground.run.worker;

import com.sun.source.util.JavacTask;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import javax.tools.DiagnosticListener;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;

/**
 * javac's own pool of compiler contexts ({@code com.sun.tools.javac.api.JavacTaskPool}, the one
 * JShell uses). A context keeps what earlier compiles worked out, above all the symbols of the
 * JDK's modules that every compact source file imports, so a compile after the warm-up ones takes a
 * few milliseconds instead of tens. A worker JVM compiles the reader's code once, after its
 * warm-ups, and then exits, so nothing of one reader's code can reach another's.
 *
 * <p>A pooled context keeps the file manager of its first compile, so each class path (each file
 * manager) needs a pool of its own. The class is not exported, so it is reached reflectively and
 * needs {@code --add-exports jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED}; without that,
 * {@link #create} is empty and every compile gets a fresh context.
 */
final class ContextPool {

  private final Object pool;
  private final Method getTask;
  private final Class<?> worker;

  private ContextPool(Object pool, Method getTask, Class<?> worker) {
    this.pool = pool;
    this.getTask = getTask;
    this.worker = worker;
  }

  static Optional<ContextPool> create() {
    try {
      Class<?> type = Class.forName("com.sun.tools.javac.api.JavacTaskPool");
      Class<?> worker = Class.forName("com.sun.tools.javac.api.JavacTaskPool$Worker");
      Constructor<?> constructor = type.getConstructor(int.class);
      Object pool = constructor.newInstance(1);
      Method getTask =
          type.getMethod(
              "getTask",
              java.io.Writer.class,
              JavaFileManager.class,
              DiagnosticListener.class,
              Iterable.class,
              Iterable.class,
              Iterable.class,
              worker);
      return Optional.of(new ContextPool(pool, getTask, worker));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return Optional.empty();
    }
  }

  /** Compiles in a pooled context; returns the first top-level type. */
  String compile(
      JavaFileManager files,
      DiagnosticListener<JavaFileObject> diagnostics,
      List<String> options,
      JavaFileObject unit) {
    // The context goes back to the pool when withTask returns, so all the work happens inside it.
    Object work =
        Proxy.newProxyInstance(
            worker.getClassLoader(),
            new Class<?>[] {worker},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return method.invoke(this, args);
              }
              return Compiler.generate((JavacTask) args[0]);
            });
    try {
      return (String)
          getTask.invoke(pool, null, files, diagnostics, options, null, List.of(unit), work);
    } catch (java.lang.reflect.InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
