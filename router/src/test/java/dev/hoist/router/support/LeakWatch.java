package dev.hoist.router.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Netty's leak detector at PARANOID (every buffer tracked), with a listener that collects each leak
 * it reports. After a test class, garbage is collected and buffers allocated until the detector has
 * had its chance to see unreleased ones; the class fails unless it found none.
 */
public final class LeakWatch implements BeforeAllCallback, AfterAllCallback {
  private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

  static {
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    ByteBufUtil.setLeakListener((type, records) -> LEAKS.add(type + "\n" + records));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    collect();
    assertThat(LEAKS).as("buffers leaked by " + context.getDisplayName()).isEmpty();
  }

  /** Leaks found so far. */
  public static List<String> leaks() {
    return LEAKS;
  }

  /** Runs GC and allocates, which is when the detector looks at its queue of collected buffers. */
  public static void collect() {
    for (int i = 0; i < 5; i++) {
      System.gc();
      System.runFinalization();
      for (int j = 0; j < 100; j++) {
        ByteBuf probe = PooledByteBufAllocator.DEFAULT.directBuffer(16);
        probe.release();
      }
    }
  }
}
