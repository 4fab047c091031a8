package dev.hoist.deploy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The host's address on Docker's default bridge: where dynos reach the api. Dynos are in their own
 * network namespace, so {@code 127.0.0.1} inside one is the dyno itself; URLs handed to dynos
 * (signed blob URLs, HOIST_API_URL of builder dynos) must use this address instead.
 */
final class DockerBridge {
  private DockerBridge() {}

  static String gatewayAddress() {
    String declared = docker("{{range .IPAM.Config}}{{.Gateway}}{{end}}");
    if (declared.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) return declared;
    // Engines that leave the gateway out of IPAM still give the bridge interface its first address.
    String name = docker("{{index .Options \"com.docker.network.bridge.name\"}}");
    String iface = name.isEmpty() || name.startsWith("<") ? "docker0" : name;
    try {
      NetworkInterface nic = NetworkInterface.getByName(iface);
      if (nic != null) {
        return nic.inetAddresses()
            .filter(a -> a instanceof Inet4Address)
            .map(a -> a.getHostAddress())
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(iface + " has no IPv4 address"));
      }
    } catch (SocketException e) {
      throw new IllegalStateException("cannot read " + iface + ": " + e.getMessage(), e);
    }
    throw new IllegalStateException(
        "cannot find Docker's bridge address (no gateway declared, no " + iface + ")");
  }

  private static String docker(String format) {
    try {
      Process p =
          new ProcessBuilder("docker", "network", "inspect", "bridge", "--format", format)
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
    } catch (IOException e) {
      throw new IllegalStateException("cannot ask Docker for its bridge: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
