package dev.hoist.api.auth;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /account} for everyone; {@code /accounts} for the admin, who makes accounts. */
@RestController
class AccountController {
  private final AccountService accounts;

  AccountController(AccountService accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/account")
  AccountView me(Caller caller) {
    return AccountView.of(accounts.get(caller.id()), null);
  }

  @GetMapping("/accounts")
  List<AccountView> all(Caller caller) {
    caller.requireAdmin();
    return accounts.all().stream().map(a -> AccountView.of(a, null)).toList();
  }

  @PostMapping("/accounts")
  @ResponseStatus(HttpStatus.CREATED)
  AccountView create(Caller caller, @RequestBody CreateAccount body) {
    caller.requireAdmin();
    AccountService.NewAccount made = accounts.create(body.email());
    return AccountView.of(made.account(), made.key());
  }

  record CreateAccount(String email) {}

  /** {@code api_key} is present only in the answer that created the account. */
  record AccountView(
      UUID id, String email, boolean admin, Instant createdAt, Instant updatedAt, String apiKey) {
    static AccountView of(Account a, String key) {
      return new AccountView(a.id(), a.email(), a.admin(), a.createdAt(), a.updatedAt(), key);
    }
  }
}
