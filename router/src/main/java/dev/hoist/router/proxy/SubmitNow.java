package dev.hoist.router.proxy;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SingleThreadIoEventLoop;
import io.netty.channel.uring.IoUringIoHandler;
import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * On io_uring, hands what one event loop has queued (the writes of a flush, the reads re-armed
 * after a read) to the kernel now, instead of when the loop has handled every completion of its
 * turn.
 *
 * <p>Why: Netty's io_uring loop handles all the completions that have arrived, then submits
 * everything they queued in one system call. That is what makes the transport cheap, but under full
 * load a turn holds a few dozen requests, and the first ones' writes wait for the last one's
 * handling, which showed in the router's p99 at its own limit while its median was low. So the
 * router submits early, from this one handler, first in every client and dyno pipeline: before a
 * read is handled (what earlier reads queued goes out: answers, requests to dynos, and the reads
 * Netty re-armed, so the next request or response is seen this turn), and after every flush (an
 * answer, a request sent to a dyno, an error page, however the flush came about: at the end of a
 * read, at the end of an exchange, after a connect or from a timer). A read's writes are still one
 * submission, and early submits stop {@link #TURN_NANOS} into a turn. What it gained and cost is in
 * docs/benchmarks.md.
 *
 * <p>How: Netty has no public call for it, so the loop's handler is reached by reflection
 * (classpath, no module opens needed) and its own private submit is used, the one it calls when its
 * queue is full; it also recycles the write vectors, which is safe once they are submitted. Netty
 * is pinned in the root pom; should a new version rename any of it, {@link #on} logs that once and
 * returns a no-op, so the router runs as before, batching whole turns (SubmitNowTest fails first).
 */
@ChannelHandler.Sharable
final class SubmitNow extends ChannelDuplexHandler {
  private static final System.Logger LOG = System.getLogger(SubmitNow.class.getName());
  private static final SubmitNow NONE = new SubmitNow(null, null);

  /**
   * How long into a loop turn the router keeps submitting early. Each early submit also collects
   * the completions that have arrived since, and Netty's turn goes on while there are completions
   * to handle, so under steady load a turn would never end and the loop's tasks (the deadline
   * sweeps behind H12, H15 and H28, idle-connection closing, route-change wake-ups) would wait.
   * Past this, the turn ends as Netty ends it.
   */
  static final long TURN_NANOS = 1_000_000;

  private static volatile boolean warned;
  private static volatile boolean failed;

  /**
   * {@code ()int}: the handler's submit, bound to its handler and submission queue; null: nothing
   * to do.
   */
  private final MethodHandle submit;

  private final EventLoop loop;
  private final Runnable turnEnded = () -> this.turnStart = -1;

  /**
   * When the first early submit of this loop turn ran; -1: none yet (reset by a task, which runs
   * after the turn).
   */
  private long turnStart = -1;

  private SubmitNow(MethodHandle submit, EventLoop loop) {
    this.submit = submit;
    this.loop = loop;
  }

  /** For one event loop: the real thing when it runs io_uring, otherwise a no-op. */
  static SubmitNow on(EventLoop loop) {
    if (!(loop instanceof SingleThreadIoEventLoop)) return NONE;
    try {
      Object handler = method(SingleThreadIoEventLoop.class, "ioHandler").invoke(loop);
      if (!(handler instanceof IoUringIoHandler)) return NONE;
      Field ring = IoUringIoHandler.class.getDeclaredField("ringBuffer");
      ring.setAccessible(true);
      Object ringBuffer = ring.get(handler);
      Object queue = method(ringBuffer.getClass(), "ioUringSubmissionQueue").invoke(ringBuffer);
      Method submit = method(IoUringIoHandler.class, "submitAndClearNow", queue.getClass());
      return new SubmitNow(
          MethodHandles.lookup().unreflect(submit).bindTo(handler).bindTo(queue), loop);
    } catch (ReflectiveOperationException | RuntimeException e) {
      if (!warned) {
        warned = true;
        LOG.log(
            Level.WARNING,
            "io_uring: cannot submit early with this Netty ("
                + e
                + "); submitting once per loop turn");
      }
      return NONE;
    }
  }

  /** First in a pipeline: before a read is handled, what the last ones queued goes out. */
  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    run();
    ctx.fireChannelRead(msg);
  }

  /** Last on the way out: what a flush queued goes out now, not at the end of the loop's turn. */
  @Override
  public void flush(ChannelHandlerContext ctx) {
    ctx.flush();
    run();
  }

  boolean active() {
    return submit != null;
  }

  /**
   * Submits now, unless this loop turn is over {@link #TURN_NANOS} old; on the loop's own thread
   * only. Returns how many entries went to the kernel (0 also when nothing was queued or it is not
   * io_uring).
   */
  int run() {
    if (submit == null) return 0;
    long now = System.nanoTime();
    if (turnStart < 0) {
      turnStart = now;
      loop.execute(turnEnded);
    } else if (now - turnStart > TURN_NANOS) {
      return 0;
    }
    try {
      return (int) submit.invokeExact(); // the call must name the handle's exact type, ()int
    } catch (RuntimeException e) {
      // The entries stay queued and go with the loop's own submit at the end of the turn.
      if (!failed) {
        failed = true;
        LOG.log(
            Level.WARNING,
            "io_uring: an early submit failed (logged once); the loop submits at the end of its turn",
            e);
      }
      return 0;
    } catch (Throwable e) {
      if (e instanceof Error error) throw error;
      throw new IllegalStateException(e);
    }
  }

  private static Method method(Class<?> type, String name, Class<?>... parameters)
      throws NoSuchMethodException {
    Method m = type.getDeclaredMethod(name, parameters);
    m.setAccessible(true);
    return m;
  }
}
