package dev.same.intellij.core.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnsiDecoderTest {
    private final AnsiDecoder decoder = new AnsiDecoder();

    @Test
    void colourAndBoldBecomeStylesAndResetEndsThem() {
        assertEquals(List.of(Segment.plain("a "), Segment.styled("red", Style.of(AnsiColor.RED)),
                        Segment.styled(" bold", Style.of(AnsiColor.RED).withBold(true)), Segment.plain(" b")),
                decoder.decode("a \u001b[31mred\u001b[1m bold\u001b[0m b"));
    }

    @Test
    void aStyleCarriesOverToTheNextChunk() {
        decoder.decode("\u001b[92mstart");
        assertEquals(List.of(Segment.styled("more", Style.of(AnsiColor.BRIGHT_GREEN))), decoder.decode("more"));
    }

    @Test
    void paletteColoursBelowSixteenAreKeptOtherSequencesDropped() {
        assertEquals(List.of(Segment.styled("x", Style.of(AnsiColor.BRIGHT_BLUE)),
                        Segment.styled("y", Style.of(AnsiColor.BRIGHT_BLUE))),
                decoder.decode("\u001b[38;5;12mx\u001b[2K\u001b[38;2;1;2;3my\r"));
    }

    @Test
    void anEscapeCutAtTheEndOfTheTextIsDropped() {
        assertEquals(List.of(Segment.plain("ok")), decoder.decode("ok\u001b[3"));
    }
}
