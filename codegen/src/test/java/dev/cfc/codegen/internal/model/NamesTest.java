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
    "media, videoTranscoder, , media-video-transcoder",
    "Media_App, parseHTTPRequest, Prod, media_app-parse-http-request-prod",
    "my worker, ffmpeg2Pass, , my-worker-ffmpeg2-pass",
    "--x--, a, , x-a",
  })
  void applicationNamesAreLowerCaseWordsJoinedByDashes(
      String worker, String name, String env, String expected) {
    assertThat(Names.applicationName(worker, name, env)).isEqualTo(expected);
    assertThat(Names.isRepositoryName(Names.applicationName(worker, name, env))).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "media-videoTranscoder, false",
    "media-video-transcoder, true",
    "a..b, false",
    "a__b, true",
    "a___b, false",
    "-a, false",
    "a-, false",
    "a--b, true",
    "'', false",
  })
  void repositoryNamesAreCheckedAsDockerDoes(String name, boolean valid) {
    assertThat(Names.isRepositoryName(name)).isEqualTo(valid);
  }

  @net.jqwik.api.Property(tries = 500)
  void everyDerivedApplicationNameIsAValidRepository(
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.StringLength(min = 1, max = 30)
          String worker,
      @net.jqwik.api.ForAll("definitionNames") String name) {
    String derived = Names.applicationName(worker, name, null);
    net.jqwik.api.Assume.that(derived.chars().anyMatch(Character::isLetterOrDigit));
    assertThat(Names.isRepositoryName(derived)).as(derived).isTrue();
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> definitionNames() {
    return net.jqwik.api.Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('A', 'Z')
        .withCharRange('0', '9')
        .ofMinLength(1)
        .ofMaxLength(20)
        .filter(s -> Character.isLowerCase(s.charAt(0)));
  }
}
