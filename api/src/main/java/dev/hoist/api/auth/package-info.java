/**
 * Who is calling. {@link AuthFilter} checks every request first (an account's API key, or the
 * component token on {@code /internal/**}) and hands controllers a {@link Caller}; accounts and
 * their hashed API keys live in {@link AccountService}, and {@link FirstAdmin} makes the admin and
 * the cli's credentials file on first start. Start at {@link AuthFilter}, then {@link
 * AccountService}.
 */
package dev.hoist.api.auth;
