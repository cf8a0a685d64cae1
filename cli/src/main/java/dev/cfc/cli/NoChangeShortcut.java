package dev.cfc.cli;

import dev.cfc.codegen.CompileInputs;
import dev.cfc.codegen.Compiler;
import dev.cfc.codegen.ProjectState;
import dev.cfc.dsl.ContainerSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lets a plain {@code cfc generate} answer "no changes" without compiling when nothing it
 * would read has changed since a full run found nothing to do.
 *
 * <p>A full run that wrote nothing and reported nothing saves {@code .cfc/fingerprint}: the
 * command line, the cfc build and JVM, and the state of every input the compile reads
 * ({@link Compiler#inputs}: the wrangler configs, {@code cfc.lock}, image build paths, the DSL
 * sources and the generated files) plus {@code cfc.toml}. The next run compares the inputs'
 * content with the saved state before loading anything else; any difference, or anything
 * unexpected, means a full run. Two things keep the answer honest:
 *
 * <ul>
 *   <li>definitions that use anything besides their sources ({@code System.getenv}, files, the
 *       clock) never get a fingerprint, because the same sources may then give different
 *       containers;
 *   <li>a fingerprint is saved only when no input was modified from shortly before the run
 *       began until it ended ({@link InputStates#settledAt}), so it never records an edit the
 *       compile did not see.
 * </ul>
 *
 * <p>{@code cfc check} never takes the shortcut: as the CI gate it always compiles.
 */
final class NoChangeShortcut {

  /** The fingerprint of the project file {@code cfc.toml}; other project files have their own. */
  static final String FILE = ".cfc/fingerprint";

  private static final String HEADER = "cfc generate fingerprint 3";

  /** The command lines the shortcut answers: {@code generate}, optionally quiet, in a project. */
  record Invocation(Path projectFile, boolean quiet, boolean verbose) {
    Path projectDir() {
      return projectFile.getParent();
    }

    Path fingerprintFile() {
      return state().fingerprintFile();
    }

    /** The fingerprint's path as shown: {@code .cfc/fingerprint} for {@code cfc.toml}. */
    String fingerprintShown() {
      return state().display(fingerprintFile());
    }

    private ProjectState state() {
      return ProjectState.of(projectFile);
    }
  }

  private NoChangeShortcut() {}

  /**
   * Answers a plain {@code generate} from the fingerprint when every input is as recorded.
   *
   * @return whether the command was answered; when false nothing was printed
   */
  static boolean answer(String[] args, PrintWriter out) {
    Invocation invocation = parse(args);
    if (invocation == null || invocation.verbose()) {
      return false;
    }
    try {
      Path file = invocation.fingerprintFile();
      if (!Files.isRegularFile(file)) {
        return false;
      }
      Saved saved = Saved.parse(Files.readAllLines(file, StandardCharsets.UTF_8));
      if (saved == null || !saved.key().equals(key(invocation))) {
        return false;
      }
      InputStates.Observed now = InputStates.observe(saved.roots(), cfcDir(invocation));
      if (!now.lines().equals(saved.states())) {
        return false;
      }
      out.print(saved.printed());
      out.flush();
      return true;
    } catch (IOException | RuntimeException e) {
      return false; // a full run decides instead
    }
  }

  /**
   * Saves the fingerprint after a full run of a shortcut-able command line that wrote nothing
   * and reported nothing.
   *
   * @param seen the inputs as the run saw them, each observed just before it was read
   * @param startedMillis when the run began, before it read anything
   * @param printed exactly what the run printed to standard output
   * @return why no fingerprint was saved, or null when one was
   */
  static String record(
      Invocation invocation,
      SeenInputs seen,
      List<String> externalReads,
      long startedMillis,
      String printed)
      throws IOException {
    Path fingerprint = invocation.fingerprintFile();
    if (!externalReads.isEmpty()) {
      Files.deleteIfExists(fingerprint);
      return "the definitions use " + String.join(", ", externalReads) + ", so the same sources"
          + " may not give the same containers: every run compiles";
    }
    List<InputStates.Root> roots = seen.roots();
    // Every input is read again, whatever its time says: only content proves it unchanged.
    InputStates.Observed observed = InputStates.observe(roots, cfcDir(invocation));
    Path changed = seen.changedIn(observed.lines());
    if (changed != null) {
      return shown(invocation, changed) + " changed while the run read it; a later run saves"
          + " the fingerprint";
    }
    if (observed.lastSettledAtMillis() > startedMillis) {
      return shown(invocation, observed.lastModified())
          + " changed moments ago; a later run saves the fingerprint";
    }
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    for (String part : key(invocation)) {
      lines.add("key " + part);
    }
    lines.add("print " + escape(printed));
    for (InputStates.Root root : roots) {
      lines.add(
          root.tree()
              ? "tree " + escape(root.extension()) + " " + escape(root.path().toString())
              : "path " + escape(root.path().toString()));
    }
    for (String state : observed.lines()) {
      lines.add("state " + escape(state));
    }
    Files.createDirectories(fingerprint.getParent());
    Path temporary =
        fingerprint.resolveSibling("fingerprint." + ProcessHandle.current().pid());
    Files.write(temporary, lines, StandardCharsets.UTF_8);
    try {
      Files.move(
          temporary,
          fingerprint,
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, fingerprint, StandardCopyOption.REPLACE_EXISTING);
    }
    return null;
  }

  private static String shown(Invocation invocation, Path path) {
    return invocation.state().display(path);
  }

  /** What a full run watches: {@code cfc.toml}, the DSL sources, then what the compile reads. */
  static List<InputStates.Root> projectFileRoot(Path projectFile) {
    return List.of(new InputStates.Root(projectFile.toAbsolutePath().normalize(), false, null));
  }

  /** The DSL sources' tree, as {@link Compiler#inputs} names it. */
  static List<InputStates.Root> sourcesRoot(Path sourcesDir) {
    return List.of(new InputStates.Root(sourcesDir.toAbsolutePath().normalize(), true, ".java"));
  }

  /** The roots of what one compile reads. */
  static List<InputStates.Root> compileRoots(CompileInputs inputs) {
    Set<InputStates.Root> roots = new LinkedHashSet<>();
    for (Path path : inputs.paths()) {
      roots.add(new InputStates.Root(path.toAbsolutePath().normalize(), false, null));
    }
    for (CompileInputs.Tree tree : inputs.trees()) {
      roots.add(
          new InputStates.Root(tree.root().toAbsolutePath().normalize(), true, tree.extension()));
    }
    return List.copyOf(roots);
  }

  /** Where the fingerprint's own directory is; left out of every observed tree. */
  static Path cfcDir(Path projectFile) {
    return projectFile.toAbsolutePath().normalize().getParent().resolve(".cfc");
  }

  private static Path cfcDir(Invocation invocation) {
    return cfcDir(invocation.projectFile());
  }

  /**
   * The command line as the shortcut understands it, or null for anything else: exactly one
   * {@code generate}, with only {@code -C <dir>}, {@code --config <file>}, {@code -q},
   * {@code -v} and {@code --no-color} besides, the way picocli reads them.
   */
  static Invocation parse(String[] args) {
    String directory = ".";
    String config = null;
    boolean generate = false;
    boolean quiet = false;
    boolean verbose = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "generate" -> {
          if (generate) {
            return null;
          }
          generate = true;
        }
        case "-q", "--quiet" -> quiet = true;
        case "-v", "--verbose" -> verbose = true;
        case "--no-color" -> {}
        case "-C", "--config" -> {
          if (i + 1 == args.length || args[i + 1].startsWith("-")) {
            return null;
          }
          if (arg.equals("-C")) {
            directory = args[++i];
          } else {
            config = args[++i];
          }
        }
        default -> {
          return null;
        }
      }
    }
    if (!generate) {
      return null;
    }
    try {
      Path dir = Path.of(directory).toAbsolutePath().normalize();
      Path projectFile = config == null ? dir.resolve("cfc.toml") : dir.resolve(config);
      return new Invocation(projectFile.toAbsolutePath().normalize(), quiet, verbose);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /**
   * What must be the same for a saved answer to hold: cfc's build, the JVM and its locales and
   * text settings, the command. The time zone is not part of it: cfc writes no dates, and
   * definitions that could see the clock or the zone are never fingerprinted.
   */
  private static List<String> key(Invocation invocation) throws IOException {
    List<String> key = new ArrayList<>();
    Set<Path> codeSources = new LinkedHashSet<>();
    for (Class<?> part : List.of(Main.class, Compiler.class, ContainerSet.class)) {
      codeSources.add(codeSource(part));
    }
    for (Path codeSource : codeSources) {
      key.add("cfc " + escape(codeSource.toString()) + " " + identity(codeSource));
    }
    key.add("java " + System.getProperty("java.vm.version") + " "
        + escape(System.getProperty("java.home")));
    // Everything of the JVM's set-up that the same definitions and files can come out
    // differently under: String.format uses the FORMAT locale, toLowerCase() the default one,
    // getDisplayName() the DISPLAY one; getBytes() and new String(bytes) the default charset;
    // "%n" the line separator; the locale providers how numbers and dates are spelled.
    key.add("locale " + Locale.getDefault().toLanguageTag()
        + " format " + Locale.getDefault(Locale.Category.FORMAT).toLanguageTag()
        + " display " + Locale.getDefault(Locale.Category.DISPLAY).toLanguageTag()
        + " providers " + System.getProperty("java.locale.providers"));
    key.add("text " + System.getProperty("file.encoding") + " "
        + System.getProperty("sun.jnu.encoding") + " " + escape(System.lineSeparator()));
    key.add("project " + escape(invocation.projectFile().toString()));
    key.add("quiet " + invocation.quiet());
    return key;
  }

  private static Path codeSource(Class<?> type) throws IOException {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IOException("cannot locate " + type.getName(), e);
    }
  }

  /** A jar's size and time; for a class directory (tests, IDEs), its files' count and times. */
  private static String identity(Path codeSource) throws IOException {
    if (Files.isRegularFile(codeSource)) {
      return Files.size(codeSource) + " "
          + Files.getLastModifiedTime(codeSource).toMillis();
    }
    long[] countAndNewest = {0, 0};
    walkTimes(codeSource, countAndNewest);
    return countAndNewest[0] + " " + countAndNewest[1];
  }

  private static void walkTimes(Path dir, long[] countAndNewest) throws IOException {
    try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
      for (Path child : children) {
        if (Files.isDirectory(child)) {
          walkTimes(child, countAndNewest);
        } else {
          countAndNewest[0]++;
          countAndNewest[1] =
              Math.max(countAndNewest[1], Files.getLastModifiedTime(child).toMillis());
        }
      }
    }
  }

  /** A saved fingerprint: its key, what to print, the roots and their states. */
  private record Saved(
      List<String> key, String printed, List<InputStates.Root> roots, List<String> states) {

    static Saved parse(List<String> lines) {
      if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
        return null;
      }
      List<String> key = new ArrayList<>();
      String printed = null;
      List<InputStates.Root> roots = new ArrayList<>();
      List<String> states = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        int space = line.indexOf(' ');
        if (space < 0) {
          return null;
        }
        String value = line.substring(space + 1);
        switch (line.substring(0, space)) {
          case "key" -> key.add(value);
          case "print" -> printed = unescape(value);
          case "path" -> roots.add(new InputStates.Root(Path.of(unescape(value)), false, null));
          case "tree" -> {
            int split = value.indexOf(' ');
            roots.add(new InputStates.Root(
                Path.of(unescape(value.substring(split + 1))),
                true,
                unescape(value.substring(0, split))));
          }
          case "state" -> states.add(unescape(value));
          default -> {
            return null;
          }
        }
      }
      return printed == null || roots.isEmpty() ? null : new Saved(key, printed, roots, states);
    }
  }

  /** One line per value: backslashes and line breaks are escaped. */
  static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
  }

  static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
