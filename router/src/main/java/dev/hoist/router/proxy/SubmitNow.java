package dev.hoist.router.proxy;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.SingleThreadIoEventLoop;
import io.netty.channel.uring.IoUringIoHandler;
import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * On io_uring, hands what one event loop has queued (the writes of a flush, the reads re-armed after a
 * read) to the kernel now, instead of when the loop has handled every completion of its turn.
 *
 * <p>Why: Netty's io_uring loop handles all the completions that have arrived, then submits everything
 * they queued in one system call. That is what makes the transport cheap, but under full load a turn
 * holds a few dozen requests, and the first ones' writes wait for the last one's handling: the router's
 * p99 at its own limit was 7-11 % above nginx's while its median was lower. So the router submits twice
 * per read of a socket: after its own flush (the request to the dyno, the answer to the client: sent as
 * soon as they are ready, as a {@code write} on NIO would), and, first in each pipeline, before the next
 * read is handled (the read Netty re-armed after the last one, so the next request or response is seen
 * this turn). A read's writes are still one submission. Measured in docs/benchmarks.md: the p99 at the
 * limit at or below nginx's, for a few per cent of the requests/s io_uring had gained; submitting only
 * after flushes got half of that.
 *
 * <p>How: Netty has no public call for it, so the loop's handler is reached by reflection (classpath, no
 * module opens needed) and its own private submit is used, the one it calls when its queue is full; it
 * also recycles the write vectors, which is safe once they are submitted. Netty is pinned in the root
 * pom; should a new version rename any of it, {@link #on} logs that once and returns a no-op, so the
 * router runs as before, batching whole turns (SubmitNowTest fails first).
 */
@ChannelHandler.Sharable
final class SubmitNow extends ChannelInboundHandlerAdapter {
  private static final System.Logger LOG = System.getLogger(SubmitNow.class.getName());
  private static final SubmitNow NONE = new SubmitNow(null);
  private static volatile boolean warned;

  /** {@code ()int}: the handler's submit, bound to its handler and submission queue; null: nothing to do. */
  private final MethodHandle submit;

  private SubmitNow(MethodHandle submit) {
    this.submit = submit;
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
      return new SubmitNow(MethodHandles.lookup().unreflect(submit).bindTo(handler).bindTo(queue));
    } catch (ReflectiveOperationException | RuntimeException e) {
      if (!warned) {
        warned = true;
        LOG.log(Level.WARNING, "io_uring: cannot submit early with this Netty (" + e + "); submitting once per loop turn");
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

  boolean active() {
    return submit != null;
  }

  /** Submits now; on the loop's own thread only. Nothing queued: no system call. */
  void run() {
    if (submit == null) return;
    try {
      int submitted = (int) submit.invokeExact(); // the call must name the handle's exact type, ()int
    } catch (RuntimeException e) {
      // The loop submits again at the end of its turn and meets the same failure there, where Netty
      // handles it; nothing is lost by leaving it to that.
      LOG.log(Level.DEBUG, "early submit failed", e);
    } catch (Throwable e) {
      if (e instanceof Error error) throw error;
      throw new IllegalStateException(e);
    }
  }

  private static Method method(Class<?> type, String name, Class<?>... parameters) throws NoSuchMethodException {
    Method m = type.getDeclaredMethod(name, parameters);
    m.setAccessible(true);
    return m;
  }
}
