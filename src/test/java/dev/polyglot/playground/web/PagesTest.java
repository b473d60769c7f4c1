package dev.polyglot.playground.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "gzip|true",
        "gzip, deflate, br|true",
        "br;q=1.0, GZIP;q=0.5|true",
        "gzip;q=0|false",
        "gzip; q=0.000|false",
        "deflate, br|false",
        "identity|false",
      })
  void readsAcceptEncoding(String header, boolean gzip) {
    assertThat(Pages.acceptsGzip(header)).isEqualTo(gzip);
  }
}
