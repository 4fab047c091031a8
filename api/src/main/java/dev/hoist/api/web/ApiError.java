package dev.hoist.api.web;

/** The one error shape of the API, as Heroku's: {@code {"id": "not_found", "message": "..."}}. */
public record ApiError(String id, String message) {}
