package dev.hoist.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The api's one error translator: every failure leaves as {@code {"id", "message"}} with its
 * status. User errors are not logged; anything unexpected is logged with a short reference that the
 * response repeats, so an operator can find it without the user ever seeing a stack trace.
 */
@RestControllerAdvice
class ApiErrorHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ApiError> api(ApiException e) {
    return ResponseEntity.status(e.status()).body(new ApiError(e.id(), e.getMessage()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof PayloadTooLargeException tooLarge) {
      return api(ApiException.tooLarge(tooLarge.getMessage()));
    }
    return api(ApiException.badRequest(describe(cause)));
  }

  /** Turns Jackson's complaint into one sentence that names the field. */
  static String describe(Throwable cause) {
    if (cause instanceof UnrecognizedPropertyException u) {
      return "unknown field '" + u.getPropertyName() + "'";
    }
    if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      String type = m.getTargetType() == null ? "another type" : typeName(m.getTargetType());
      return "field '" + path(m) + "' must be " + type;
    }
    if (cause instanceof JsonProcessingException) {
      return "request body is not valid JSON";
    }
    return "request body is missing or unreadable";
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  private static String typeName(Class<?> type) {
    if (type == String.class) return "a string";
    if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class)
      return "a number";
    if (type == Boolean.class || type == boolean.class) return "true or false";
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) return "an array";
    return "an object";
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
    return api(
        new ApiException(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the body as application/json"));
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return api(
        new ApiException(
            HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "this API answers application/json"));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
    return api(
        new ApiException(
            HttpStatus.METHOD_NOT_ALLOWED,
            "method_not_allowed",
            e.getMethod() + " is not allowed here"));
  }

  @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
  ResponseEntity<ApiError> noRoute(Exception e) {
    return api(ApiException.notFound("no such endpoint"));
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ResponseEntity<ApiError> missingHeader(MissingRequestHeaderException e) {
    return api(ApiException.badRequest("header '" + e.getHeaderName() + "' is required"));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ApiError> missingParam(MissingServletRequestParameterException e) {
    return api(ApiException.badRequest("parameter '" + e.getParameterName() + "' is required"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
    return api(ApiException.badRequest("parameter '" + e.getName() + "' has the wrong type"));
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ResponseEntity<ApiError> tooLarge(PayloadTooLargeException e) {
    return api(ApiException.tooLarge(e.getMessage()));
  }

  /**
   * Two requests raced for the same unique name; the loser hears what a sequential caller would.
   */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<ApiError> integrity(DataIntegrityViolationException e) {
    return api(
        ApiException.conflict("that conflicts with a change made at the same moment; try again"));
  }

  /**
   * The client went away before its answer was written (it timed out, or was stopped): nobody is
   * left to answer, and it is no error of the api's, so one debug line instead of a stack trace.
   */
  @ExceptionHandler(
      org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
  void clientGone(Exception e) {
    log.debug("the client went away before its answer was written: {}", e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    String ref = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
    log.error("internal error (ref {})", ref, e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .body(new ApiError("internal_error", "internal error (ref " + ref + ")"));
  }
}
