package com.pulse.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The framework's errors in Pulse's words. */
class StandardDetailsTests {

  @Test
  void springsOwnTextsAreReplaced() {
    HttpHeaders allow = new HttpHeaders();
    allow.setAllow(Set.of(HttpMethod.POST, HttpMethod.GET));
    HttpHeaders accept = new HttpHeaders();
    accept.setAccept(List.of(MediaType.APPLICATION_JSON));

    assertThat(StandardDetails.reword(HttpStatus.NOT_FOUND, new HttpHeaders(), "No static resource api/x."))
        .isEqualTo(ProblemTexts.NOT_FOUND);
    assertThat(StandardDetails.reword(HttpStatus.METHOD_NOT_ALLOWED, allow, "Method 'PUT' is not supported."))
        .isEqualTo("This endpoint takes only GET, POST.");
    assertThat(StandardDetails.reword(HttpStatus.UNSUPPORTED_MEDIA_TYPE, accept,
        "Content-Type 'multipart/form-data;boundary=x' is not supported."))
        .isEqualTo("This endpoint takes a body of type application/json only.");
    assertThat(StandardDetails.reword(HttpStatus.INTERNAL_SERVER_ERROR, new HttpHeaders(), "Failed to convert"))
        .isEqualTo(ProblemTexts.INTERNAL);
  }

  @Test
  void aDetailOfOurOwnIsKept() {
    assertThat(StandardDetails.reword(HttpStatus.CONFLICT, new HttpHeaders(), "It is CANCELLED."))
        .isEqualTo("It is CANCELLED.");
    assertThat(StandardDetails.reword(HttpStatus.BAD_REQUEST, new HttpHeaders(), null))
        .isEqualTo(ProblemTexts.BAD_REQUEST);
  }

  @Test
  void everyStatusHasASentence() {
    assertThat(StandardDetails.forStatus(414)).isEqualTo(ProblemTexts.URI_TOO_LONG);
    assertThat(StandardDetails.forStatus(431)).isEqualTo(ProblemTexts.HEADERS_TOO_LARGE);
    assertThat(StandardDetails.forStatus(500)).isEqualTo(ProblemTexts.INTERNAL);
    assertThat(StandardDetails.forStatus(503)).isEqualTo(ProblemTexts.SERVICE_UNAVAILABLE);
    assertThat(StandardDetails.forStatus(504)).isEqualTo(ProblemTexts.ROUTE_TIMEOUT);
    assertThat(StandardDetails.forStatus(418)).isEqualTo("I'm a teapot.");
  }
}
