package dev.hoist.router.support;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;

/** A websocket client's side: the texts it received, and how the socket ended. */
public final class Echoes implements WebSocket.Listener {
  public final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
  public final CompletableFuture<String> ended = new CompletableFuture<>();

  @Override
  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
    received.add(data.toString());
    ws.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
    ended.complete("closed " + status);
    return null;
  }

  @Override
  public void onError(WebSocket ws, Throwable error) {
    ended.complete("broken: " + error);
  }
}
