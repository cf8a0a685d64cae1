package dev.cfc.container;

/**
 * A bridge call that failed: refused by the Worker's handler, failed in the binding, or not
 * delivered. The message names the binding and the operation, e.g. {@code bridge: kv.put on
 * CACHE failed: 403 read_only: CACHE is granted read-only}.
 */
public final class BridgeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String binding;
  private final String operation;
  private final int status;
  private final String code;

  /**
   * @param binding the binding, e.g. {@code CACHE}
   * @param operation the operation, e.g. {@code kv.put}
   * @param status the HTTP status of the handler's answer, or 0 when none came
   * @param code the error code of the answer (e.g. {@code read_only}), or {@code io} when none came
   * @param detail what went wrong
   * @param cause the transport failure, or null
   */
  public BridgeException(
      String binding, String operation, int status, String code, String detail, Throwable cause) {
    super(
        "bridge: " + operation + " on " + binding + " failed: " + (status == 0 ? "" : status + " ")
            + code + ": " + detail,
        cause);
    this.binding = binding;
    this.operation = operation;
    this.status = status;
    this.code = code;
  }

  /** The binding the call was for. */
  public String binding() {
    return binding;
  }

  /** The operation, {@code kind.op}. */
  public String operation() {
    return operation;
  }

  /** The HTTP status of the handler's answer, or 0 when none came. */
  public int status() {
    return status;
  }

  /** The protocol's error code, or {@code io} when no answer came. */
  public String code() {
    return code;
  }
}
