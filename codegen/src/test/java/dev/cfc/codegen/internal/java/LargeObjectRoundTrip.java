package dev.cfc.codegen.internal.java;

import dev.cfc.container.BridgeClient;
import dev.cfc.container.BridgeOptions;
import dev.cfc.container.R2Bucket;
import dev.cfc.container.R2Object;
import dev.cfc.container.R2ObjectBody;
import dev.cfc.container.R2PutOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Puts a file into an R2 binding through the bridge and reads it back streamed, in a JVM of its
 * own started with a heap smaller than the file, so the client cannot have buffered the object.
 * Prints {@code put <size> <sha256>} and {@code got <size> <sha256>}.
 */
public final class LargeObjectRoundTrip {

  private LargeObjectRoundTrip() {}

  /**
   * Runs the round trip.
   *
   * @param args the bridge URL, the binding, the key and the file to put
   */
  public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
    BridgeOptions options =
        new BridgeOptions(Duration.ofSeconds(5), Duration.ofSeconds(120), 1, Duration.ZERO);
    R2Bucket bucket = BridgeClient.connect(URI.create(args[0]), options).r2(args[1]);
    Path file = Path.of(args[3]);
    R2Object put = bucket.put(args[2], file, R2PutOptions.contentType("video/mp4"));
    System.out.println("put " + put.size() + " " + sha256(Files.newInputStream(file)));
    try (R2ObjectBody body = bucket.get(args[2]).orElseThrow()) {
      System.out.println("got " + body.object().size() + " " + sha256(body.body()));
    }
    System.out.println("max heap " + Runtime.getRuntime().maxMemory());
  }

  private static String sha256(InputStream in) throws IOException, NoSuchAlgorithmException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
      digesting.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
