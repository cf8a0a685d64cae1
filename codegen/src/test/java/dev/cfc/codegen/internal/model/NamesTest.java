package dev.cfc.codegen.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

  @ParameterizedTest
  @CsvSource({
      "transcoder, TranscoderContainer, CONTAINER_TRANSCODER",
      "videoTranscoder, VideoTranscoderContainer, CONTAINER_VIDEO_TRANSCODER",
      "ffmpeg2Pass, Ffmpeg2PassContainer, CONTAINER_FFMPEG2_PASS",
      "parseHTTPRequest, ParseHTTPRequestContainer, CONTAINER_PARSE_HTTP_REQUEST",
      "fooBAR, FooBARContainer, CONTAINER_FOO_BAR",
      "fooBar, FooBarContainer, CONTAINER_FOO_BAR",
      "a, AContainer, CONTAINER_A",
      "x2, X2Container, CONTAINER_X2",
      "apiV2Gateway, ApiV2GatewayContainer, CONTAINER_API_V2_GATEWAY",
      "getHTTP, GetHTTPContainer, CONTAINER_GET_HTTP",
  })
  void derivesClassAndBindingNames(String name, String className, String binding) {
    assertThat(Names.className(name)).isEqualTo(className);
    assertThat(Names.bindingName(name)).isEqualTo(binding);
  }

  @ParameterizedTest
  @CsvSource({
      "quickstart, api, , quickstart-api",
      "quickstart, api, staging, quickstart-api-staging",
  })
  void containerNameIsWorkerDashDefinitionPlusEnvironment(String worker, String name,
      String env, String expected) {
    assertThat(Names.containerName(worker, name, env)).isEqualTo(expected);
  }
}
