package dev.polyglot.playground.run.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.InvokeDynamicInstruction;
import java.lang.constant.ClassDesc;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The worker's classes spin nothing at run time: no lambda, method reference or pattern switch,
 * whose classes the workers' AOT cache cannot hold (see the package). String concatenation and a
 * record's own methods are left: their call sites are on error paths or never run in a worker.
 */
class WorkerCallSitesTest {
  private static final Set<ClassDesc> SPINNING =
      Set.of(
          ClassDesc.of("java.lang.invoke.LambdaMetafactory"),
          ClassDesc.of("java.lang.runtime.SwitchBootstraps"));

  /**
   * javac's side: the compile service, and a worker's own compile when that service is down. Both
   * load javac, whose start dwarfs these call sites. The probe runs no program.
   */
  private static final Set<String> EXEMPT =
      Set.of("Compiler", "CompilerMain", "ContextPool", "SyscallProbe");

  @Test
  void noClassOnTheWorkersPathSpinsCallSites() throws IOException, URISyntaxException {
    Path dir =
        Path.of(WorkerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve(WorkerMain.class.getPackageName().replace('.', '/'));
    List<Path> classes;
    try (Stream<Path> files = Files.list(dir)) {
      classes = files.filter(f -> f.toString().endsWith(".class")).toList();
    }
    assertThat(classes).hasSizeGreaterThan(20);
    List<String> spinning = new ArrayList<>();
    for (Path file : classes) {
      String name = file.getFileName().toString().replaceAll("(\\$.*)?\\.class$", "");
      if (EXEMPT.contains(name)) {
        continue;
      }
      ClassModel model = ClassFile.of().parse(Files.readAllBytes(file));
      for (MethodModel method : model.methods()) {
        method
            .findAttribute(java.lang.classfile.Attributes.code())
            .ifPresent(code -> spinning.addAll(sites(model, method, code)));
      }
    }
    assertThat(spinning).isEmpty();
  }

  private static List<String> sites(ClassModel model, MethodModel method, CodeModel code) {
    return code.elementStream()
        .filter(e -> e instanceof InvokeDynamicInstruction)
        .map(e -> (InvokeDynamicInstruction) e)
        .filter(indy -> SPINNING.contains(indy.bootstrapMethod().owner()))
        .map(indy ->
            model.thisClass().asInternalName()
                + "."
                + method.methodName().stringValue()
                + " → "
                + indy.bootstrapMethod().methodName())
        .toList();
  }
}
