package dev.hoist.api.collaborator;

import dev.hoist.api.app.App;
import dev.hoist.api.app.AppAccess;
import dev.hoist.api.app.AppRef;
import dev.hoist.api.auth.Account;
import dev.hoist.api.auth.AccountService;
import dev.hoist.api.auth.Caller;
import dev.hoist.api.web.ApiException;
import java.time.Instant;
import java.util.ArrayList;
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

/**
 * {@code /apps/{app}/collaborators}: who besides the owner may work on an app. Owner-only changes.
 */
@RestController
class CollaboratorController {
  private final AppAccess access;
  private final AccountService accounts;
  private final CollaboratorRepository collaborators;

  CollaboratorController(
      AppAccess access, AccountService accounts, CollaboratorRepository collaborators) {
    this.access = access;
    this.accounts = accounts;
    this.collaborators = collaborators;
  }

  @GetMapping("/apps/{app}/collaborators")
  @Transactional(readOnly = true)
  List<CollaboratorView> list(Caller caller, @PathVariable String app) {
    App found = access.visible(caller, app);
    Account owner = accounts.get(found.ownerId());
    List<CollaboratorView> all = new ArrayList<>();
    all.add(
        new CollaboratorView(
            owner.id(),
            AppRef.of(found),
            new UserRef(owner.id(), owner.email()),
            "owner",
            found.createdAt()));
    for (Collaborator c : collaborators.findByAppIdOrderByCreatedAt(found.id())) {
      all.add(view(found, c));
    }
    return all;
  }

  @PostMapping("/apps/{app}/collaborators")
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  CollaboratorView add(Caller caller, @PathVariable String app, @RequestBody AddCollaborator body) {
    App found = access.owned(caller, app);
    if (body.user() == null || body.user().isBlank())
      throw ApiException.invalid("user is required");
    Account account = accounts.find(body.user());
    if (account.id().equals(found.ownerId()))
      throw ApiException.conflict(account.email() + " owns " + found.name());
    if (collaborators.existsByAppIdAndAccountId(found.id(), account.id())) {
      throw ApiException.conflict(
          account.email() + " is already a collaborator on " + found.name());
    }
    return view(found, collaborators.save(new Collaborator(found.id(), account.id())));
  }

  @DeleteMapping("/apps/{app}/collaborators/{user}")
  @Transactional
  CollaboratorView remove(Caller caller, @PathVariable String app, @PathVariable String user) {
    App found = access.owned(caller, app);
    Account account = accounts.find(user);
    Collaborator c =
        collaborators
            .findByAppIdAndAccountId(found.id(), account.id())
            .orElseThrow(
                () -> ApiException.notFound(user + " is not a collaborator on " + found.name()));
    collaborators.delete(c);
    return view(found, c);
  }

  private CollaboratorView view(App app, Collaborator c) {
    Account a = accounts.get(c.accountId());
    return new CollaboratorView(
        c.id(), AppRef.of(app), new UserRef(a.id(), a.email()), "collaborator", c.createdAt());
  }

  record AddCollaborator(String user, Boolean silent) {}

  record UserRef(UUID id, String email) {}

  record CollaboratorView(UUID id, AppRef app, UserRef user, String role, Instant createdAt) {}
}
