package dev.cfc.codegen.internal.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaNamesTest {

  @ParameterizedTest
  @CsvSource({
    "LOG_LEVEL, logLevel",
    "log_level, logLevel",
    "S3_BUCKET, s3Bucket",
    "OAUTH2_TOKEN, oauth2Token",
    "HTTPProxy, httpProxy",
    "apiKey, apiKey",
    "X_API_KEY, xApiKey",
    "PORT, port",
    "_PRIVATE_, private",
    "A__B, aB",
    "2FA, v2Fa",
    "__, value",
  })
  void variableNamesBecomeLowerCamelCase(String variable, String accessor) {
    assertThat(JavaNames.lowerCamel(variable)).isEqualTo(accessor);
  }

  @Test
  void keywordsRecordMembersFactoriesAndPortAccessorsGetValueAppended() {
    Map<String, String> accessors = JavaNames.accessors(
        List.of(
            "CLASS",
            "NULL",
            "HASH_CODE",
            "EQUALS",
            "FROM_ENV",
            "DEFAULT_PORT",
            "PORT_9090",
            "RECORD",
            "PRIVATE"),
        List.of("defaultPort", "port9090"));

    assertThat(accessors.values())
        .containsExactly(
            "classValue",
            "nullValue",
            "hashCodeValue",
            "equalsValue",
            "fromEnvValue",
            "defaultPortValue",
            "port9090Value",
            "recordValue",
            "privateValue");
  }

  @Test
  void clashesGoToTheNameThatSortsFirstAndTheRestGetTheSmallestFreeSuffix() {
    Map<String, String> accessors = JavaNames.accessors(
        List.of("log_level", "LOG_LEVEL2", "LOG_LEVEL", "Log_Level"), List.of());

    assertThat(accessors)
        .containsExactly(
            Map.entry("log_level", "logLevel4"),
            Map.entry("LOG_LEVEL2", "logLevel2"),
            Map.entry("LOG_LEVEL", "logLevel"),
            Map.entry("Log_Level", "logLevel3"));
  }

  @Test
  void theChoiceDoesNotDependOnDeclarationOrder() {
    List<String> variables = new ArrayList<>(List.of(
        "LOG_LEVEL",
        "log_level",
        "LOG_LEVEL2",
        "logLevel",
        "CLASS",
        "CLASS_VALUE",
        "classValue",
        "A",
        "a",
        "A2",
        "DEFAULT_PORT"));
    Map<String, String> first =
        new TreeMap<>(JavaNames.accessors(variables, List.of("defaultPort")));
    Random random = new Random(7);
    for (int i = 0; i < 50; i++) {
      Collections.shuffle(variables, random);
      assertThat(new TreeMap<>(JavaNames.accessors(variables, List.of("defaultPort"))))
          .isEqualTo(first);
    }
    assertThat(first.values()).doesNotHaveDuplicates().doesNotContain("defaultPort");
  }
}
