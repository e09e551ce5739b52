package attentionbook.book;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notation page's symbols, read from its markdown: each row of the table under "## Symbols"
 * gives one or more symbols (the cell "$Q, K, V$" gives three) and their meaning. Every other piece
 * of math on the page names symbols too (the row letters $x_i$, $q_i$, the indexes $i$, $j$ and the
 * letters a derivation defines for itself): {@link #mentions} holds those, so that a chapter may use
 * them without a row of their own.
 */
public final class SymbolTable {
    public static final SymbolTable EMPTY = new SymbolTable(Map.of(), Set.of());
    /** The notation page's slug: the chapter whose table this is. */
    public static final String NOTATION_SLUG = "notation";

    private static final Pattern MATH = Pattern.compile("\\$([^$]+)\\$");

    private final Map<String, Symbol> symbols;
    private final Set<String> mentions;

    private SymbolTable(Map<String, Symbol> symbols, Set<String> mentions) {
        this.symbols = symbols;
        this.mentions = mentions;
    }

    /** The table of a notation page's markdown body; a page with no "## Symbols" table gives an empty one. */
    public static SymbolTable parse(String markdown) {
        Map<String, Symbol> symbols = new LinkedHashMap<>();
        Set<String> mentions = new LinkedHashSet<>();
        List<List<String>> mentioned = new ArrayList<>();
        boolean inSymbols = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("## ")) {
                inSymbols = line.strip().equals("## Symbols");
            }
            String[] cells = line.strip().startsWith("|") ? line.strip().split("(?<!\\\\)\\|") : null;
            if (inSymbols && cells != null && cells.length >= 3 && cells[1].contains("$")) {
                String meaning = cells[2].strip();
                for (String tex : symbolsOfCell(cells[1])) {
                    List<List<String>> names = SymbolScanner.scan(tex);
                    if (!names.isEmpty()) {
                        symbols.putIfAbsent(names.get(0).get(0), new Symbol(names.get(0).get(0), tex, meaning));
                    }
                }
                line = String.join("|", java.util.Arrays.copyOfRange(cells, 2, cells.length));
            }
            Matcher m = MATH.matcher(line);
            while (m.find()) {
                mentioned.addAll(SymbolScanner.scan(m.group(1)));
            }
        }
        for (List<String> names : mentioned) {
            if (!symbols.containsKey(names.get(0))) {
                mentions.addAll(names);   // x_i names x; d_k, a row of its own, does not make d known
            }
        }
        return new SymbolTable(Map.copyOf(symbols), Set.copyOf(mentions));
    }

    /** "$Q, K, V$" → Q, K, V; "$m$, $\ell$" → m, \ell: the top-level commas of each piece of math split it. */
    private static List<String> symbolsOfCell(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = MATH.matcher(cell);
        while (m.find()) {
            int depth = 0;
            int start = 0;
            String tex = m.group(1);
            for (int i = 0; i < tex.length(); i++) {
                char c = tex.charAt(i);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (c == ',' && depth == 0) {
                    out.add(tex.substring(start, i).strip());
                    start = i + 1;
                }
            }
            out.add(tex.substring(start).strip());
        }
        return out;
    }

    public Optional<Symbol> symbol(String key) {
        return Optional.ofNullable(symbols.get(key));
    }

    public Collection<Symbol> symbols() {
        return symbols.values();
    }

    /** Symbols the page's prose names without a row (row letters, indexes). */
    public Set<String> mentions() {
        return mentions;
    }

    /** The table's symbols in {@code tex}, in order, each once. */
    public List<Symbol> symbolsIn(String tex) {
        Set<Symbol> found = new LinkedHashSet<>();
        for (List<String> names : SymbolScanner.scan(tex)) {
            names.stream().map(symbols::get).filter(java.util.Objects::nonNull).findFirst().ifPresent(found::add);
        }
        return List.copyOf(found);
    }

    /** The symbols in {@code tex} that the notation page neither lists nor mentions, named as the scanner names them. */
    public List<String> unknownIn(String tex) {
        Set<String> unknown = new LinkedHashSet<>();
        for (List<String> names : SymbolScanner.scan(tex)) {
            if (names.stream().noneMatch(n -> symbols.containsKey(n) || mentions.contains(n))) {
                unknown.add(names.get(0));
            }
        }
        return List.copyOf(unknown);
    }
}
