package dev.hoist.router.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a request body keeps, for whom, and that it lets go of every buffer. No sockets. */
class RequestBodyTest {
  private final EmbeddedChannel dyno = new EmbeddedChannel();

  @AfterEach
  void stop() {
    dyno.finishAndReleaseAll();
  }

  private static HttpContent chunk(String text) {
    return new DefaultHttpContent(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
  }

  private String written() {
    StringBuilder all = new StringBuilder();
    Object msg;
    while ((msg = dyno.readOutbound()) != null) {
      ByteBuf bytes = (ByteBuf) msg;
      all.append(bytes.toString(StandardCharsets.US_ASCII));
      bytes.release();
    }
    return all.toString();
  }

  @Test
  void holdsChunksUntilAConnectionThenSendsThemInOrder() {
    RequestBody body = new RequestBody(false, false);
    body.hold(chunk("one,"));
    body.hold(new DefaultLastHttpContent(Unpooled.copiedBuffer("two", StandardCharsets.US_ASCII)));

    assertThat(body.holding()).isTrue();
    assertThat(body.complete()).isTrue();
    body.sendAll(dyno);
    dyno.flushOutbound();

    assertThat(written()).isEqualTo("one,two");
    assertThat(body.holding()).isFalse();
  }

  @Test
  void sendsAnIdempotentRequestAgainToTheNextDyno() {
    RequestBody body = new RequestBody(true, false);
    HttpContent sent = chunk("payload");
    body.send(dyno, sent);
    dyno.flushOutbound();
    assertThat(written()).isEqualTo("payload");

    body.sendAll(dyno);
    dyno.flushOutbound();

    assertThat(written()).isEqualTo("payload");
    body.release();
    assertThat(sent.refCnt()).isZero();
  }

  @Test
  void keepsNoCopyOfABodyOver64Kb() {
    RequestBody body = new RequestBody(true, false);
    body.send(dyno, chunk("x".repeat(40 * 1024)));
    body.send(dyno, chunk("y".repeat(40 * 1024)));

    assertThat(body.replayable()).isFalse();
    dyno.flushOutbound();
    assertThat(written()).hasSize(80 * 1024);
  }

  @Test
  void keepsNoCopyOfANonIdempotentBody() {
    RequestBody body = new RequestBody(false, false);
    HttpContent c = chunk("post");
    body.send(dyno, c);

    assertThat(body.replayable()).isFalse();
    dyno.flushOutbound();
    written();
    assertThat(c.refCnt()).as("the dyno's write took the only reference").isZero();
  }

  @Test
  void framesAChunkedBodyInChunksWithItsTrailers() {
    RequestBody body = new RequestBody(false, true);
    DefaultLastHttpContent last =
        new DefaultLastHttpContent(Unpooled.copiedBuffer("tail", StandardCharsets.US_ASCII));
    last.trailingHeaders().set("X-Checksum", "abc");
    body.send(dyno, chunk("hello, world"));
    body.send(dyno, last);
    dyno.flushOutbound();

    assertThat(written())
        .isEqualTo("c\r\nhello, world\r\n4\r\ntail\r\n0\r\nX-Checksum: abc\r\n\r\n");
    assertThat(body.complete()).isTrue();
  }

  @Test
  void sendsNothingForAnEmptyChunkButStillEndsTheBody() {
    RequestBody body = new RequestBody(false, true);
    body.send(dyno, chunk(""));
    body.send(dyno, new DefaultLastHttpContent());
    dyno.flushOutbound();

    assertThat(written()).as("an empty chunk would read as the last one").isEqualTo("0\r\n\r\n");
  }
}
