package dev.hoist.api.key;

import dev.hoist.api.auth.AccountService;
import dev.hoist.api.auth.Caller;
import dev.hoist.api.web.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /account/keys}: the caller's SSH keys. A key belongs to one account only. */
@RestController
class KeyController {
  private final SshKeyRepository keys;
  private final AccountService accounts;

  KeyController(SshKeyRepository keys, AccountService accounts) {
    this.keys = keys;
    this.accounts = accounts;
  }

  @GetMapping("/account/keys")
  @Transactional(readOnly = true)
  List<KeyView> list(Caller caller) {
    return keys.findByAccountIdOrderByCreatedAt(caller.id()).stream()
        .map(k -> KeyView.of(k, caller))
        .toList();
  }

  @PostMapping("/account/keys")
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  KeyView add(Caller caller, @RequestBody AddKey body) {
    PublicKey key = PublicKey.parse(body.publicKey());
    if (keys.findByFingerprint(key.fingerprint()).isPresent()) {
      throw ApiException.conflict("that key (" + key.fingerprint() + ") is already registered");
    }
    return KeyView.of(keys.save(new SshKey(caller.id(), key)), caller);
  }

  @GetMapping("/account/keys/{key}")
  @Transactional(readOnly = true)
  KeyView info(Caller caller, @PathVariable String key) {
    return KeyView.of(find(caller, key), caller);
  }

  @DeleteMapping("/account/keys/{key}")
  @Transactional
  KeyView remove(Caller caller, @PathVariable String key) {
    SshKey found = find(caller, key);
    keys.delete(found);
    return KeyView.of(found, caller);
  }

  private SshKey find(Caller caller, String idOrFingerprint) {
    return AccountService.asUuid(idOrFingerprint)
        .flatMap(keys::findById)
        .or(() -> keys.findByFingerprint(idOrFingerprint))
        .filter(k -> k.accountId().equals(caller.id()))
        .orElseThrow(() -> ApiException.notFound("no key " + idOrFingerprint));
  }

  record AddKey(String publicKey) {}

  record KeyView(
      UUID id,
      String publicKey,
      String fingerprint,
      String comment,
      String email,
      Instant createdAt,
      Instant updatedAt) {
    static KeyView of(SshKey k, Caller caller) {
      return new KeyView(
          k.id(),
          k.publicKey(),
          k.fingerprint(),
          k.comment(),
          caller.email(),
          k.createdAt(),
          k.updatedAt());
    }
  }
}
