package dev.cfc.codegen.internal;

import dev.cfc.codegen.Diagnostic;
import dev.cfc.codegen.internal.model.SourceResolver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps what definitions generate independent of collections' iteration order, which Java leaves
 * unspecified: {@code Set.of} and {@code Map.of} iterate in an order salted afresh in every JVM,
 * so hosts, labels or whole definitions built from them would give different files on every run
 * (and {@code cfc check} right after {@code cfc generate} would fail).
 *
 * <p>Two parts, both on the compiled definition classes:
 *
 * <ul>
 *   <li>{@link #stabilise} points every call of {@code Set.of}, {@code Set.copyOf},
 *       {@code Map.of}, {@code Map.ofEntries} and {@code Map.copyOf} at the same-named methods
 *       of {@code dev.cfc.dsl.internal.StableSet} and {@code StableMap}, which keep the order
 *       the elements were written in. Only the class reference of those constant-pool entries
 *       changes;
 *   <li>{@link #warnings} finds what cannot be ordered that way ({@code new HashSet},
 *       {@code new HashMap}, {@code Collectors.toSet()} and the other hash-based collectors)
 *       and reports each with its line as {@code CFC095}, unless the collection goes straight
 *       into something that orders it: a DSL method that takes a collection or map (they sort
 *       unordered input), a {@code TreeSet} or {@code TreeMap}, or {@code .stream().sorted()}.
 * </ul>
 */
public final class IterationOrder {

  /** Where calls are pointed, by interface; in the DSL, which every definition sees. */
  private static final Map<String, String> STABLE = Map.of(
      "java/util/Set", "dev/cfc/dsl/internal/StableSet",
      "java/util/Map", "dev/cfc/dsl/internal/StableMap");

  /** Part of the definition cache's key: classes cached before the rewrite must not be used. */
  public static final String VERSION = "stable-collections 1";

  private static final Set<String> STABILISED = Set.of(
      "java/util/Set.of",
      "java/util/Set.copyOf",
      "java/util/Map.of",
      "java/util/Map.ofEntries",
      "java/util/Map.copyOf");

  /** Calls whose result iterates in hash order, by {@code owner.name}, as warnings name them. */
  private static final Map<String, String> UNORDERED = Map.ofEntries(
      Map.entry("java/util/HashSet.<init>", "new HashSet"),
      Map.entry("java/util/HashMap.<init>", "new HashMap"),
      Map.entry("java/util/stream/Collectors.toSet", "Collectors.toSet()"),
      Map.entry("java/util/stream/Collectors.toUnmodifiableSet", "Collectors.toUnmodifiableSet()"),
      Map.entry("java/util/stream/Collectors.toMap", "Collectors.toMap(…)"),
      Map.entry("java/util/stream/Collectors.toUnmodifiableMap", "Collectors.toUnmodifiableMap(…)"),
      Map.entry("java/util/stream/Collectors.toConcurrentMap", "Collectors.toConcurrentMap(…)"),
      Map.entry("java/util/stream/Collectors.groupingBy", "Collectors.groupingBy(…)"),
      Map.entry(
          "java/util/stream/Collectors.groupingByConcurrent",
          "Collectors.groupingByConcurrent(…)"));

  /** The DSL methods that take a collection or map and order it themselves. */
  private static final Set<String> ORDERING_DSL_METHODS = Set.of(
      "env",
      "labels",
      "secrets",
      "secretsStore",
      "buildArgs",
      "allowedHosts",
      "deniedHosts",
      "allow",
      "deny");

  private IterationOrder() {}

  /**
   * A class file whose {@code Set.of}/{@code Map.of} family calls go to {@code StableSet} and
   * {@code StableMap}; the same bytes when it has none.
   */
  public static byte[] stabilise(byte[] classFile) throws IOException {
    ClassFile parsed = new ClassFile(classFile);
    Map<String, List<Integer>> targets = new TreeMap<>();
    for (int i = 1; i < parsed.count; i++) {
      if (parsed.tags[i] == 10 || parsed.tags[i] == 11) {
        String owner = parsed.owner(i);
        if (STABILISED.contains(owner + "." + parsed.name(i))) {
          targets.computeIfAbsent(owner, o -> new ArrayList<>()).add(i);
        }
      }
    }
    if (targets.isEmpty()) {
      return classFile;
    }
    byte[] copy = classFile.clone();
    ByteBuffer patch = ByteBuffer.wrap(copy);
    ByteArrayOutputStream added = new ByteArrayOutputStream();
    int next = parsed.count;
    for (Map.Entry<String, List<Integer>> owner : targets.entrySet()) {
      // A Utf8 and a Class entry appended to the pool name the replacement class.
      byte[] name = STABLE.get(owner.getKey()).getBytes(StandardCharsets.UTF_8);
      added.write(1);
      added.write(name.length >> 8);
      added.write(name.length);
      added.write(name);
      added.write(7);
      added.write(next >> 8);
      added.write(next);
      for (int target : owner.getValue()) {
        // A static call on a class rather than an interface: a Methodref, same layout.
        copy[parsed.offsets[target]] = 10;
        patch.putShort(parsed.offsets[target] + 1, (short) (next + 1));
      }
      next += 2;
    }
    patch.putShort(8, (short) next);
    ByteArrayOutputStream out = new ByteArrayOutputStream(copy.length + added.size());
    out.write(copy, 0, parsed.poolEnd);
    out.writeBytes(added.toByteArray());
    out.write(copy, parsed.poolEnd, copy.length - parsed.poolEnd);
    return out.toByteArray();
  }

  /**
   * The {@code CFC095} warnings for the class files under {@code classesDir}, located in their
   * sources under {@code sourcesDir}, in class and line order.
   */
  public static List<Diagnostic> warnings(Path classesDir, Path sourcesDir, Path projectDir)
      throws IOException {
    return warnings(ExternalReads.read(classesDir), sourcesDir, projectDir);
  }

  /** {@link #warnings(Path, Path, Path)} for class files held in memory by binary name. */
  public static List<Diagnostic> warnings(
      Map<String, byte[]> classes, Path sourcesDir, Path projectDir) throws IOException {
    Set<Diagnostic> warnings = new LinkedHashSet<>();
    // In the order of the class files' paths, as javac would have written them.
    Map<String, String> byPath = new TreeMap<>();
    classes.keySet().forEach(name -> byPath.put(name.replace('.', '/') + ".class", name));
    for (String name : byPath.values()) {
      ClassFile parsed = new ClassFile(classes.get(name));
      String relative =
          name.contains(".") ? name.substring(0, name.lastIndexOf('.')).replace('.', '/') : "";
      Path source =
          sourcesDir.resolve(relative).resolve(parsed.sourceFile == null ? "" : parsed.sourceFile);
      String shown = SourceResolver.display(projectDir, source);
      for (Use use : parsed.unorderedUses()) {
        warnings.add(Diagnostic.warning(
            "CFC095",
            new Diagnostic.Location(shown, use.line(), use.line() > 0 ? 1 : 0),
            use.what() + " iterates in no fixed order, so what is built from it may differ"
                + " from one run to the next",
            "pass it straight to a DSL method that takes a collection or map (they sort it),"
                + " sort it (new TreeSet<>(…), new TreeMap<>(…), .stream().sorted()), or use"
                + " List.of, Set.of, Map.of, LinkedHashSet or LinkedHashMap; until then"
                + " `cfc generate` compiles on every run"));
      }
    }
    return List.copyOf(warnings);
  }

  /** One unordered collection made at a source line. */
  record Use(String what, int line) {}

  /** The parts of a class file the two passes need: the constant pool and the methods' code. */
  private static final class ClassFile {
    private final ByteBuffer bytes;
    final int count;
    final int[] tags;
    final int[] offsets;
    private final String[] utf8;
    final int poolEnd;
    String sourceFile;
    private final List<int[]> codes = new ArrayList<>();
    private final List<int[][]> lineTables = new ArrayList<>();

    ClassFile(byte[] classFile) throws IOException {
      bytes = ByteBuffer.wrap(classFile);
      if (bytes.getInt(0) != 0xCAFEBABE) {
        throw new IOException("not a class file");
      }
      count = u2(8);
      tags = new int[count];
      offsets = new int[count];
      utf8 = new String[count];
      int at = 10;
      for (int i = 1; i < count; i++) {
        offsets[i] = at;
        tags[i] = bytes.get(at) & 0xff;
        switch (tags[i]) {
          case 1 -> {
            int length = u2(at + 1);
            utf8[i] = new DataInputStream(new ByteArrayInputStream(classFile, at + 1, length + 2))
                .readUTF();
            at += 3 + length;
          }
          case 7, 8, 16, 19, 20 -> at += 3;
          case 15 -> at += 4;
          case 3, 4, 9, 10, 11, 12, 17, 18 -> at += 5;
          case 5, 6 -> {
            at += 9;
            i++;
          }
          default -> throw new IOException("unknown constant pool tag " + tags[i]);
        }
      }
      poolEnd = at;
      at += 6;
      at += 2 + 2 * u2(at);
      at = skipMembers(at, false);
      at = skipMembers(at, true);
      int attributes = u2(at);
      at += 2;
      for (int a = 0; a < attributes; a++) {
        if ("SourceFile".equals(utf8[u2(at)])) {
          sourceFile = utf8[u2(at + 6)];
        }
        at += 6 + bytes.getInt(at + 2);
      }
    }

    private int u2(int at) {
      return bytes.getShort(at) & 0xffff;
    }

    /** Skips the fields or methods; for methods, notes each Code attribute's code and lines. */
    private int skipMembers(int at, boolean methods) {
      int members = u2(at);
      at += 2;
      for (int m = 0; m < members; m++) {
        int attributes = u2(at + 6);
        at += 8;
        for (int a = 0; a < attributes; a++) {
          if (methods && "Code".equals(utf8[u2(at)])) {
            readCode(at + 6);
          }
          at += 6 + bytes.getInt(at + 2);
        }
      }
      return at;
    }

    private void readCode(int at) {
      int length = bytes.getInt(at + 4);
      int start = at + 8;
      codes.add(new int[] {start, length});
      int after = start + length;
      after += 2 + 8 * u2(after);
      int attributes = u2(after);
      after += 2;
      List<int[]> lines = new ArrayList<>();
      for (int a = 0; a < attributes; a++) {
        if ("LineNumberTable".equals(utf8[u2(after)])) {
          int entries = u2(after + 6);
          for (int e = 0; e < entries; e++) {
            lines.add(new int[] {u2(after + 8 + 4 * e), u2(after + 10 + 4 * e)});
          }
        }
        after += 6 + bytes.getInt(after + 2);
      }
      lineTables.add(lines.toArray(int[][]::new));
    }

    String owner(int member) {
      return utf8[u2(offsets[u2(offsets[member] + 1)] + 1)];
    }

    String name(int member) {
      return utf8[u2(offsets[u2(offsets[member] + 3)] + 1)];
    }

    private String descriptor(int member) {
      return utf8[u2(offsets[u2(offsets[member] + 3)] + 3)];
    }

    List<Use> unorderedUses() {
      List<Use> uses = new ArrayList<>();
      for (int c = 0; c < codes.size(); c++) {
        int start = codes.get(c)[0];
        int length = codes.get(c)[1];
        for (int pc = 0; pc < length; pc += instructionLength(start, pc)) {
          int member = invoked(start, pc);
          String what = member < 0 ? null : UNORDERED.get(owner(member) + "." + name(member));
          if (what != null && !orderedNext(start, length, pc + instructionLength(start, pc))) {
            uses.add(new Use(what, line(lineTables.get(c), pc)));
          }
        }
      }
      return uses;
    }

    /**
     * Whether the value just made is ordered by what takes it next: a DSL method that sorts
     * it, a sorted collection's constructor, or a sorted stream; a stream's {@code collect}
     * call is looked through.
     */
    private boolean orderedNext(int start, int length, int pc) {
      pc = skipCasts(start, length, pc);
      int next = pc < length ? invoked(start, pc) : -1;
      if (next >= 0
          && owner(next).equals("java/util/stream/Stream")
          && name(next).equals("collect")) {
        pc = skipCasts(start, length, pc + instructionLength(start, pc));
        next = pc < length ? invoked(start, pc) : -1;
      }
      if (next < 0) {
        return false;
      }
      String owner = owner(next);
      String name = name(next);
      String descriptor = descriptor(next);
      if (owner.startsWith("dev/cfc/dsl/") && ORDERING_DSL_METHODS.contains(name)) {
        return descriptor.contains("Ljava/util/Map;)")
            || descriptor.contains("Ljava/util/Collection;)");
      }
      if ((owner.equals("java/util/TreeSet") || owner.equals("java/util/TreeMap"))
          && name.equals("<init>")) {
        return true;
      }
      if (name.equals("stream") && owner.startsWith("java/util/")) {
        int after = skipCasts(start, length, pc + instructionLength(start, pc));
        int then = after < length ? invoked(start, after) : -1;
        return then >= 0 && name(then).equals("sorted");
      }
      return false;
    }

    /** The first instruction from {@code pc} on that is not a {@code checkcast}. */
    private int skipCasts(int start, int length, int pc) {
      while (pc < length && (bytes.get(start + pc) & 0xff) == 0xc0) {
        pc += 3;
      }
      return pc;
    }

    /** The constant-pool index of the method an invoke instruction calls, or -1. */
    private int invoked(int start, int pc) {
      int opcode = bytes.get(start + pc) & 0xff;
      return opcode >= 0xb6 && opcode <= 0xb9 ? u2(start + pc + 1) : -1;
    }

    private static int line(int[][] table, int pc) {
      int line = 0;
      int best = -1;
      for (int[] entry : table) {
        if (entry[0] <= pc && entry[0] > best) {
          best = entry[0];
          line = entry[1];
        }
      }
      return line;
    }

    /** The length in bytes of the instruction at {@code pc} (JVM specification, chapter 6). */
    private int instructionLength(int start, int pc) {
      int opcode = bytes.get(start + pc) & 0xff;
      return switch (opcode) {
        case 0x10, 0x12, 0x15, 0x16, 0x17, 0x18, 0x19, 0x36, 0x37, 0x38, 0x39, 0x3a, 0xa9, 0xbc ->
          2;
        case 0x11,
            0x13,
            0x14,
            0x84,
            0xb2,
            0xb3,
            0xb4,
            0xb5,
            0xb6,
            0xb7,
            0xb8,
            0xbb,
            0xbd,
            0xc0,
            0xc1,
            0xc6,
            0xc7 -> 3;
        case 0xc5 -> 4;
        case 0xb9, 0xba, 0xc8, 0xc9 -> 5;
        case 0xc4 -> (bytes.get(start + pc + 1) & 0xff) == 0x84 ? 6 : 4;
        case 0xaa -> {
          int at = pc + 1 + (3 - pc % 4);
          int low = bytes.getInt(start + at + 4);
          int high = bytes.getInt(start + at + 8);
          yield at - pc + 12 + 4 * (high - low + 1);
        }
        case 0xab -> {
          int at = pc + 1 + (3 - pc % 4);
          yield at - pc + 8 + 8 * bytes.getInt(start + at + 4);
        }
        default -> opcode >= 0x99 && opcode <= 0xa8 ? 3 : 1;
      };
    }
  }
}
