package dev.cfc.codegen.internal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the classes compiled definitions use that could make them depend on something besides
 * their sources: the environment and system properties ({@code System}), files, the network,
 * the clock, randomness, reflection, threads. A definition that uses none of them builds the
 * same containers from the same sources every time, which is what lets {@code cfc generate}
 * answer "no changes" without running it.
 *
 * <p>The check reads the constant pool of each class file: every class whose methods or fields
 * the code touches is named there. It is an allow-list, so a class not known to be safe counts
 * as a read.
 */
public final class ExternalReads {

  /** Classes, by internal name, that compute only from their arguments. */
  private static final Set<String> SAFE_CLASSES = Set.of(
      "java/lang/Object",
      "java/lang/String",
      "java/lang/StringBuilder",
      "java/lang/CharSequence",
      "java/lang/Character",
      "java/lang/Integer",
      "java/lang/Long",
      "java/lang/Short",
      "java/lang/Byte",
      "java/lang/Boolean",
      "java/lang/Double",
      "java/lang/Float",
      "java/lang/Number",
      "java/lang/Math",
      "java/lang/StrictMath",
      "java/lang/Enum",
      "java/lang/Record",
      "java/lang/Iterable",
      "java/lang/Comparable",
      "java/lang/Void",
      "java/lang/Override",
      "java/lang/Deprecated",
      "java/lang/SuppressWarnings",
      "java/lang/FunctionalInterface",
      "java/lang/SafeVarargs",
      "java/lang/Throwable",
      "java/lang/Exception",
      "java/lang/RuntimeException",
      "java/lang/Error",
      "java/lang/AssertionError",
      "java/lang/IllegalArgumentException",
      "java/lang/IllegalStateException",
      "java/lang/NullPointerException",
      "java/lang/UnsupportedOperationException",
      "java/lang/IndexOutOfBoundsException",
      "java/lang/ArithmeticException",
      "java/lang/ClassCastException",
      "java/lang/NumberFormatException",
      "java/lang/MatchException",
      // what javac emits for a switch over an enum
      "java/lang/NoSuchFieldError",
      "java/lang/IncompatibleClassChangeError",
      // what javac emits for lambdas, string concatenation, records and pattern switches
      "java/lang/invoke/LambdaMetafactory",
      "java/lang/invoke/StringConcatFactory",
      "java/lang/invoke/MethodHandles",
      "java/lang/invoke/MethodHandles$Lookup",
      "java/lang/invoke/MethodHandle",
      "java/lang/invoke/MethodType",
      "java/lang/invoke/CallSite",
      "java/lang/runtime/ObjectMethods",
      "java/lang/runtime/SwitchBootstraps",
      "java/util/List",
      "java/util/Map",
      "java/util/Map$Entry",
      "java/util/Set",
      "java/util/Collection",
      "java/util/SequencedCollection",
      "java/util/SequencedMap",
      "java/util/SequencedSet",
      "java/util/ArrayList",
      "java/util/LinkedList",
      "java/util/ArrayDeque",
      "java/util/Deque",
      "java/util/Queue",
      "java/util/HashMap",
      "java/util/LinkedHashMap",
      "java/util/TreeMap",
      "java/util/SortedMap",
      "java/util/NavigableMap",
      "java/util/HashSet",
      "java/util/LinkedHashSet",
      "java/util/TreeSet",
      "java/util/SortedSet",
      "java/util/NavigableSet",
      "java/util/EnumMap",
      "java/util/EnumSet",
      "java/util/Arrays",
      "java/util/Collections",
      "java/util/Objects",
      "java/util/Optional",
      "java/util/OptionalInt",
      "java/util/OptionalLong",
      "java/util/OptionalDouble",
      "java/util/Iterator",
      "java/util/ListIterator",
      "java/util/Comparator",
      "java/util/StringJoiner",
      "java/util/Locale",
      "java/time/Duration",
      "java/time/temporal/ChronoUnit",
      "java/util/concurrent/TimeUnit");

  private static final List<String> SAFE_PACKAGES =
      List.of("dev/cfc/dsl/", "java/util/function/", "java/util/stream/");

  /** Members of safe classes that read system properties, randomness or the default locale. */
  private static final Set<String> UNSAFE_MEMBERS = Set.of(
      "java/lang/Integer.getInteger",
      "java/lang/Long.getLong",
      "java/lang/Boolean.getBoolean",
      "java/lang/Math.random",
      "java/lang/StrictMath.random",
      "java/util/Locale.getDefault",
      "java/util/Locale.setDefault",
      "java/util/Collections.shuffle");

  private ExternalReads() {}

  /**
   * The classes outside the allow-list that the class files under {@code classesDir} use, as
   * binary names ({@code java.lang.System}), sorted; empty when there are none.
   */
  public static List<String> in(Path classesDir) throws IOException {
    return of(read(classesDir));
  }

  /** The class files under {@code classesDir}, by binary class name. */
  static Map<String, byte[]> read(Path classesDir) throws IOException {
    List<Path> classFiles = new ArrayList<>();
    collect(classesDir, classFiles);
    Map<String, byte[]> classes = new HashMap<>();
    for (Path file : classFiles) {
      String relative = classesDir.relativize(file).toString().replace('\\', '/');
      classes.put(
          relative.substring(0, relative.length() - ".class".length()).replace('/', '.'),
          Files.readAllBytes(file));
    }
    return classes;
  }

  /** {@link #in}, for class files held in memory by binary class name. */
  public static List<String> of(Map<String, byte[]> classes) throws IOException {
    Set<String> own = new HashSet<>();
    for (String name : classes.keySet()) {
      own.add(name.replace('.', '/'));
    }
    Set<String> found = new TreeSet<>();
    for (byte[] classFile : classes.values()) {
      ConstantPool pool = ConstantPool.read(classFile);
      for (String name : pool.classes()) {
        if (!own.contains(name) && !isSafe(name)) {
          found.add(name.replace('/', '.'));
        }
      }
      for (String member : pool.members()) {
        if (UNSAFE_MEMBERS.contains(member)) {
          found.add(member.replace('/', '.'));
        }
      }
    }
    return List.copyOf(found);
  }

  private static boolean isSafe(String internalName) {
    if (SAFE_CLASSES.contains(internalName)) {
      return true;
    }
    for (String prefix : SAFE_PACKAGES) {
      if (internalName.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Adds the class files under {@code dir}, at any depth, to {@code classFiles}. */
  static void collect(Path dir, List<Path> classFiles) throws IOException {
    try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
      for (Path child : children) {
        if (Files.isDirectory(child)) {
          collect(child, classFiles);
        } else if (child.getFileName().toString().endsWith(".class")) {
          classFiles.add(child);
        }
      }
    }
  }

  /**
   * What a class file's constant pool names: classes (internal form, array element types
   * unwrapped) and the {@code owner.name} of every field and method the code uses.
   */
  record ConstantPool(Set<String> classes, Set<String> members) {

    static ConstantPool read(byte[] classFile) throws IOException {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
      if (in.readInt() != 0xCAFEBABE) {
        throw new IOException("not a class file");
      }
      in.readUnsignedShort();
      in.readUnsignedShort();
      int count = in.readUnsignedShort();
      String[] utf8 = new String[count];
      int[] first = new int[count];
      int[] second = new int[count];
      int[] tags = new int[count];
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        tags[i] = tag;
        switch (tag) {
          case 1 -> utf8[i] = in.readUTF();
          case 7, 8, 16, 19, 20 -> first[i] = in.readUnsignedShort();
          case 9, 10, 11, 12 -> {
            first[i] = in.readUnsignedShort();
            second[i] = in.readUnsignedShort();
          }
          case 15 -> in.skipNBytes(3);
          case 3, 4, 17, 18 -> in.skipNBytes(4);
          case 5, 6 -> {
            in.skipNBytes(8);
            i++;
          }
          default -> throw new IOException("unknown constant pool tag " + tag);
        }
      }
      Set<String> classes = new HashSet<>();
      Set<String> members = new HashSet<>();
      for (int i = 1; i < count; i++) {
        if (tags[i] == 7) {
          String name = elementType(utf8[first[i]]);
          if (name != null) {
            classes.add(name);
          }
        } else if (tags[i] == 9 || tags[i] == 10 || tags[i] == 11) {
          String owner = elementType(utf8[first[first[i]]]);
          String member = utf8[first[second[i]]];
          if (owner != null) {
            members.add(owner + "." + member);
          }
        }
      }
      return new ConstantPool(classes, members);
    }

    /** The class an entry names, unwrapping arrays; null for arrays of primitives. */
    private static String elementType(String name) {
      if (!name.startsWith("[")) {
        return name;
      }
      String element = name.replaceFirst("^\\[+", "");
      return element.startsWith("L") ? element.substring(1, element.length() - 1) : null;
    }
  }
}
