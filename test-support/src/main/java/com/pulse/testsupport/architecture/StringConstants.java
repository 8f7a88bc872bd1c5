package com.pulse.testsupport.architecture;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The string literals a compiled class holds ({@code CONSTANT_String} entries of its constant pool), read from its
 * class file (JVMS §4.4). ArchUnit sees types, members and calls, not literals; a rule about what code may spell
 * (a domain's names) needs them.
 */
final class StringConstants {

  private StringConstants() {}

  static List<String> of(URI classFile) {
    try (InputStream in = classFile.toURL().openStream(); DataInputStream data = new DataInputStream(in)) {
      return read(data);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + classFile, e);
    }
  }

  private static List<String> read(DataInputStream in) throws IOException {
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort(); // minor
    in.readUnsignedShort(); // major
    int count = in.readUnsignedShort();
    Map<Integer, String> utf8 = new HashMap<>();
    List<Integer> strings = new ArrayList<>();
    for (int index = 1; index < count; index++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8.put(index, in.readUTF());
        case 8 -> strings.add(in.readUnsignedShort());
        case 3, 4 -> in.skipNBytes(4); // Integer, Float
        case 5, 6 -> {
          in.skipNBytes(8); // Long, Double take two slots
          index++;
        }
        case 7, 16, 19, 20 -> in.skipNBytes(2); // Class, MethodType, Module, Package
        case 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4); // refs, NameAndType, Dynamic, InvokeDynamic
        case 15 -> in.skipNBytes(3); // MethodHandle
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    List<String> literals = new ArrayList<>(strings.size());
    strings.forEach(index -> literals.add(utf8.get(index)));
    return literals;
  }
}
