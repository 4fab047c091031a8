package dev.hoist.router.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How dyno bytes become heads, body bytes and ends, whatever the reads' boundaries. No sockets. */
class ResponseDecoderTest {
  private final List<String> seen = new ArrayList<>();
  private final ResponseDecoder decoder = new ResponseDecoder();
  private final EmbeddedChannel dyno =
      new EmbeddedChannel(
          decoder,
          new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
              if (msg instanceof ResponseHead h) {
                seen.add(
                    "head "
                        + h.status
                        + (h.untilClose ? " until-close" : "")
                        + (h.keepAlive() ? "" : " close"));
              } else if (msg instanceof ByteBuf b) {
                seen.add("body " + b.toString(StandardCharsets.ISO_8859_1));
                b.release();
              } else if (msg instanceof ResponseEnd end) {
                seen.add(
                    end.trailers == null
                        ? "end"
                        : "end " + end.trailers.toString(StandardCharsets.ISO_8859_1));
                if (end.trailers != null) end.trailers.release();
              } else {
                seen.add(String.valueOf(msg));
              }
            }
          });

  @AfterEach
  void stop() {
    dyno.finishAndReleaseAll();
  }

  private void read(String... pieces) {
    for (String p : pieces)
      dyno.writeInbound(Unpooled.copiedBuffer(p, StandardCharsets.ISO_8859_1));
  }

  /** The same bytes, one read per byte: the boundaries fall everywhere once. */
  private void readByteByByte(String all) {
    for (int i = 0; i < all.length(); i++) read(all.substring(i, i + 1));
  }

  /** Body pieces joined, since how they are cut depends on the reads. */
  private List<String> joined() {
    List<String> out = new ArrayList<>();
    for (String s : seen) {
      int last = out.size() - 1;
      if (s.startsWith("body ") && last >= 0 && out.get(last).startsWith("body "))
        out.set(last, out.get(last) + s.substring(5));
      else out.add(s);
    }
    return out;
  }

  @Test
  void passesALengthFramedResponseAsHeadBytesAndEnd() {
    read("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello");

    assertThat(seen).containsExactly("head 200", "body hello", "end");
  }

  @Test
  void findsTheSameResponseWhateverTheReadBoundaries() {
    readByteByByte(
        "\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloHTTP/1.1 304 Not Modified\r\n\r\n");

    assertThat(joined()).containsExactly("head 200", "body hello", "end", "head 304", "end");
  }

  @Test
  void removesChunkFramingAndKeepsTrailers() {
    String response =
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nX-Sum: 1\r\n\r\n";
    read(response);
    List<String> whole = joined();
    seen.clear();
    readByteByByte(response);

    assertThat(whole).containsExactly("head 200", "body hello, world", "end X-Sum: 1\r\n");
    assertThat(joined()).isEqualTo(whole);
  }

  @Test
  void readsNoBodyAfterAHeadRequestWhateverItDeclares() {
    decoder.expect(true);
    read("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n");
    decoder.expect(false);
    read("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

    assertThat(seen).containsExactly("head 200", "end", "head 200", "body ok", "end");
  }

  @Test
  void waitsForTheRealResponseAfterA100Continue() {
    read("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");

    assertThat(seen).containsExactly("head 100", "head 201", "end");
  }

  @Test
  void endsABodyOfUnknownLengthWhenTheDynoCloses() {
    read("HTTP/1.1 200 OK\r\n\r\nstream", "ed");
    dyno.close();

    assertThat(seen).containsExactly("head 200 until-close", "body stream", "body ed", "end");
  }

  @Test
  void passesEverythingAfterA101AsItIs() {
    read(
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n\u0081\u0002hi");

    assertThat(seen).containsExactly("head 101", "body \u0081\u0002hi");
  }

  @Test
  void toleratesBareLineFeedsAndAgreeingContentLengths() {
    read("HTTP/1.0 200 OK\nContent-Length: 2\nContent-Length: 2\n\nok");

    assertThat(seen).containsExactly("head 200 close", "body ok", "end");
  }

  /**
   * Every way a response could be read two ways, or not at all: 502, and the connection is done.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "HTTP/2 200 OK\r\n\r\n",
        "HTTP/1.1 20 OK\r\n\r\n",
        "HTTP/1.1 200OK\r\n\r\n",
        "SIP/2.0 200 OK\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
        "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 1, 1\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n",
        "HTTP/1.1 200 OK\r\nBad Name: v\r\n\r\n",
        "HTTP/1.1 200 OK\r\nName : v\r\n\r\n",
        "HTTP/1.1 200 OK\r\n: v\r\n\r\n",
        "HTTP/1.1 200 OK\r\nNo-Colon\r\n\r\n",
        "HTTP/1.1 200 OK\r\nA: 1\r\n folded\r\n\r\n",
        "HTTP/1.1 200 OK\r\nA: x\u0000y\r\n\r\n",
        "HTTP/1.1 200 OK\r\nA: x\ry\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1234567890abcdef0\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabXY",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nBad Trailer\r\n\r\n",
      })
  void refusesAResponseThatCannotBeFramedSafely(String response) {
    read(response);
    read("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

    assertThat(seen).last().isEqualTo("bad response");
    assertThat(seen).as("nothing after it is read").doesNotContain("end");
  }

  @Test
  void refusesAHeadThatNeverEnds() {
    read("HTTP/1.1 200 OK\r\n" + "X-Long: " + "a".repeat(ResponseDecoder.MAX_HEAD) + "\r\n");

    assertThat(seen).containsExactly("bad response");
  }
}
