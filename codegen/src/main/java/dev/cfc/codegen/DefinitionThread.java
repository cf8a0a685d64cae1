package dev.cfc.codegen;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs user definition code on its own daemon thread, so that cfc stays in charge of its JVM:
 * the code gets a time limit, a thrown {@code Error} (a stack overflow, running out of memory)
 * ends only that thread, and an exit call ({@code System.exit}, {@code Runtime.exit}) is caught
 * by a shutdown hook that reports it and halts with exit code 1 instead of letting the JVM end
 * with the code the definition chose. {@code Runtime.halt} cannot be caught without a security
 * manager; nothing else is needed for the rest on any JDK.
 */
final class DefinitionThread {

  /** What became of one call. Exactly one of the three is set. */
  record Outcome<T>(T value, Throwable thrown, StackTraceElement[] stuckAt) {}

  private DefinitionThread() {}

  /**
   * Calls {@code code} on a fresh daemon thread and waits at most {@code limit}. A thread that
   * is still running then is interrupted and left behind: the JVM does not wait for it.
   *
   * @param onExit turns the stack of the thread that called exit into the report printed before
   *     halting
   */
  static <T> Outcome<T> call(
      String name,
      ClassLoader loader,
      Duration limit,
      Callable<T> code,
      Function<StackTraceElement[], Diagnostic> onExit) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread worker = new Thread(
        () -> {
          try {
            result.complete(code.call());
          } catch (Throwable t) { // an Error of user code ends only this thread
            result.completeExceptionally(t);
          }
        },
        "cfc-definitions " + name);
    worker.setDaemon(true);
    worker.setContextClassLoader(loader);
    Thread exitTrap = new Thread(() -> trapExit(worker, onExit), "cfc-exit-trap");
    Runtime.getRuntime().addShutdownHook(exitTrap);
    try {
      worker.start();
      return new Outcome<>(result.get(limit.toMillis(), TimeUnit.MILLISECONDS), null, null);
    } catch (ExecutionException e) {
      return new Outcome<>(null, e.getCause(), null);
    } catch (TimeoutException e) {
      StackTraceElement[] stack = worker.getStackTrace();
      worker.interrupt();
      return new Outcome<>(null, null, stack);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      worker.interrupt();
      return new Outcome<>(null, e, null);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(exitTrap);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or about to: it decides how the JVM ends
      }
    }
  }

  /**
   * The shutdown hook: when the JVM is ending because a thread called exit while definitions
   * ran, prints where, then halts with 1. Any other shutdown (Ctrl-C, a signal) goes on as usual.
   */
  private static void trapExit(Thread worker, Function<StackTraceElement[], Diagnostic> onExit) {
    StackTraceElement[] caller = exitCall(worker.getStackTrace()) ? worker.getStackTrace() : null;
    if (caller == null) {
      for (Map.Entry<Thread, StackTraceElement[]> thread :
          Thread.getAllStackTraces().entrySet()) {
        if (exitCall(thread.getValue())) {
          caller = thread.getValue();
          break;
        }
      }
    }
    if (caller == null) {
      return;
    }
    Diagnostic diagnostic = onExit.apply(caller);
    System.err.println(diagnostic.render());
    System.err.println(Diagnostic.failureSummary(java.util.List.of(diagnostic)));
    System.err.flush();
    System.out.flush();
    Runtime.getRuntime().halt(1);
  }

  /**
   * Whether a thread is in {@code Runtime.exit} (which {@code System.exit} calls). The thread
   * that handles Ctrl-C or a signal is in {@code Shutdown.exit} too, but not through
   * {@code Runtime.exit}: that shutdown is the user's, not the definition's.
   */
  private static boolean exitCall(StackTraceElement[] stack) {
    for (StackTraceElement frame : stack) {
      if (frame.getClassName().equals("java.lang.Runtime")
          && frame.getMethodName().equals("exit")) {
        return true;
      }
    }
    return false;
  }
}
