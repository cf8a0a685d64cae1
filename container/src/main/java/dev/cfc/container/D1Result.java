package dev.cfc.container;

import java.util.List;
import java.util.Map;

/**
 * The rows and counters of one D1 statement ({@code D1Result}).
 *
 * @param rows each row as column → value (String, Long, Double, Boolean or null), in column order
 * @param meta the statement's counters
 */
public record D1Result(List<Map<String, Object>> rows, D1Meta meta) {

  public D1Result {
    rows = List.copyOf(rows);
  }
}
