package dev.polyglot.playground.run.worker;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;

/**
 * Loads compiled classes and calls {@code main} the way the {@code java} launcher does (JEP 512):
 * {@code main(String[])} before {@code main()}, static or, on a class with a no-argument
 * constructor, instance.
 */
final class Launcher {
  private Launcher() {}

  /** Thrown when the class has nothing to launch; the message is for the reader. */
  static final class NoMainException extends Exception {
    NoMainException(String message) {
      super(message);
    }
  }

  static Runnable prepare(Map<String, byte[]> classes, String mainClass) throws Exception {
    var loader = new MemoryClassLoader(classes, Launcher.class.getClassLoader());
    Class<?> type = Class.forName(mainClass, false, loader);
    Method main = find(type, true);
    if (main == null) {
      main = find(type, false);
    }
    if (main == null) {
      throw new NoMainException(
          "error: no main method found in "
              + type.getName()
              + ". Add one, for example: void main() { IO.println(\"Hello\"); }");
    }
    main.setAccessible(true);
    Object[] args = main.getParameterCount() == 1 ? new Object[] {new String[0]} : new Object[0];
    return new Main(type, main, args);
  }

  /** Calls the program's {@code main}: a class, not a lambda (see the package). */
  private static final class Main implements Runnable {
    private final Class<?> type;
    private final Method main;
    private final Object[] args;

    Main(Class<?> type, Method main, Object[] args) {
      this.type = type;
      this.main = main;
      this.args = args;
    }

    @Override
    public void run() {
      try {
        Object target = Modifier.isStatic(main.getModifiers()) ? null : instance(type);
        main.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw new UserException(e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Wraps what {@code main} threw, so the worker can report it as the program's own failure. */
  static final class UserException extends RuntimeException {
    UserException(Throwable cause) {
      super(cause);
    }
  }

  private static Object instance(Class<?> type) throws ReflectiveOperationException {
    Constructor<?> constructor = type.getDeclaredConstructor();
    constructor.setAccessible(true);
    try {
      return constructor.newInstance();
    } catch (InvocationTargetException e) {
      throw new UserException(e.getCause());
    }
  }

  private static Method find(Class<?> type, boolean withArgs) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        boolean params =
            withArgs
                ? m.getParameterCount() == 1 && m.getParameterTypes()[0] == String[].class
                : m.getParameterCount() == 0;
        if (m.getName().equals("main")
            && params
            && m.getReturnType() == void.class
            && !Modifier.isPrivate(m.getModifiers())) {
          return m;
        }
      }
    }
    return null;
  }

  /**
   * Defines the run's classes; everything else (JDK, Vert.x, this worker) comes from the parent.
   */
  private static final class MemoryClassLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    MemoryClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
      super("playground", parent);
      this.classes = classes;
    }

    /**
     * The program's own classes first: asked first, the class path would be searched for each of
     * them in vain, and a worker started for a waiting run would open its jar for the search.
     */
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!classes.containsKey(name)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          loaded = findClass(name);
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classes.get(name);
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }
  }
}
