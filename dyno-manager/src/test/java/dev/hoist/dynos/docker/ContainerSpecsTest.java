package dev.hoist.dynos.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import dev.hoist.dynos.scheduler.DynoSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerSpecsTest {
  @TempDir Path dir;

  @Test
  void bindsHostDirectoriesMakingThoseThatAreMissing() {
    Path blobs = dir.resolve("blobs/store");
    List<Bind> binds =
        ContainerSpecs.binds(
            List.of(
                new DynoSpec.Mount(blobs.toString(), "/blobs", false),
                new DynoSpec.Mount(dir.toString(), "/snapshot", true)));
    assertThat(blobs).isDirectory();
    int owner = (int) uncheckedUid(blobs);
    int me = (int) uncheckedUid(dir);
    assertThat(owner)
        .as("the manager's user's, as the dynos with mounts run as root")
        .isEqualTo(me);
    assertThat(binds).extracting(Bind::getPath).containsExactly(blobs.toString(), dir.toString());
    assertThat(binds)
        .extracting(b -> b.getVolume().getPath())
        .containsExactly("/blobs", "/snapshot");
    assertThat(binds).extracting(Bind::getAccessMode).containsExactly(AccessMode.rw, AccessMode.ro);
  }

  @Test
  void refusesPathsThatAreNotPlainAndAbsolute() {
    assertThatThrownBy(
            () -> ContainerSpecs.binds(List.of(new DynoSpec.Mount("relative/dir", "/x", false))))
        .isInstanceOf(ContainerSpecs.Refused.class);
    assertThatThrownBy(
            () -> ContainerSpecs.binds(List.of(new DynoSpec.Mount(dir + "/../etc", "/x", false))))
        .isInstanceOf(ContainerSpecs.Refused.class);
    assertThatThrownBy(
            () -> ContainerSpecs.binds(List.of(new DynoSpec.Mount(dir.toString(), "x", false))))
        .isInstanceOf(ContainerSpecs.Refused.class);
  }

  private static Object uncheckedUid(Path p) {
    try {
      return java.nio.file.Files.getAttribute(p, "unix:uid");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
