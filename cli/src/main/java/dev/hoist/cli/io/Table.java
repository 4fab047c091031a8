package dev.hoist.cli.io;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain columns separated by two spaces, padded to the widest cell; the last column is never
 * padded, so lines carry no trailing blanks. No borders, no colour: output stays easy to grep and
 * cut.
 */
public final class Table {

  private final List<List<String>> rows = new ArrayList<>();

  public Table row(String... cells) {
    List<String> row = new ArrayList<>();
    for (String cell : cells) {
      row.add(cell == null ? "" : cell);
    }
    rows.add(row);
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  public void print(PrintWriter out) {
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        line.append(cell);
        if (i < row.size() - 1) {
          line.append(" ".repeat(widths[i] - cell.length() + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
