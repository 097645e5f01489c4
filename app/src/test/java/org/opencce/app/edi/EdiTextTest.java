package org.opencce.app.edi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.opencce.formats.edi.FunctionalAck997;
import org.opencce.formats.edi.FunctionalAck997.AckCode;

/** The words of the exchange: customer text made fit for an 814, and a 997's refusal for staff. */
class EdiTextTest {

    @Test
    void customerTextIsSentAsCloseAsAsciiAllows() {
        assertThat(X12SafeText.of("Zoë Brontë", 60)).isEqualTo("Zoe Bronte");
        assertThat(X12SafeText.of("Große Straße 5", 55)).isEqualTo("Grosse Strasse 5");
        assertThat(X12SafeText.of("Łukasz Øster", 60)).isEqualTo("Lukasz Oster");
        assertThat(X12SafeText.of("12 Rue*Saint~Jean>B", 55)).isEqualTo("12 Rue Saint Jean B");
        assertThat(X12SafeText.of("  Anne\tLee  ", 60)).isEqualTo("Anne Lee");
        assertThat(X12SafeText.of("李小龍", 60)).isEmpty();
        assertThat(X12SafeText.of("Northampton", 5)).isEqualTo("North");
        // cut at the length, then trimmed: no trailing space
        assertThat(X12SafeText.of("Ann Lee", 4)).isEqualTo("Ann");
        assertThat(X12SafeText.of("Ann", 3)).isEqualTo("Ann");
    }

    @Test
    void aRefusedSetIsDescribedWithItsCodesInWords() {
        FunctionalAck997.SetResult refused = new FunctionalAck997.SetResult("814", "0003", AckCode.REJECTED,
                List.of("5"), List.of(new FunctionalAck997.SegmentNote("REF", 12, Optional.of("LIN"), Optional.of("8"),
                        List.of(new FunctionalAck997.ElementNote(2, OptionalInt.empty(), Optional.of("127"), "7",
                                Optional.of("green-100"))))));
        FunctionalAck997 ack = new FunctionalAck997("GE", 101, List.of(refused), AckCode.PARTIALLY_ACCEPTED, 3, 3, 2,
                List.of());
        assertThat(Ack997Text.refusal(ack, refused, "eversource-wma-814-20250102-000000101.edi", "0003"))
                .isEqualTo("the utility's 997 rejected transaction set 0003 of eversource-wma-814-20250102-000000101.edi:"
                        + " AK5 R (5 one or more segments in error); segment REF at position 12: 8 segment has data"
                        + " element errors; element REF02 (127): 7 invalid code value 'green-100'; correct it and"
                        + " request again");
    }

    @Test
    void aWholeGroupRefusedIsDescribedByItsAk9() {
        FunctionalAck997 ack = new FunctionalAck997("GE", 101, List.of(), AckCode.REJECTED, 3, 3, 0,
                List.of("5", "99"));
        assertThat(Ack997Text.refusal(ack, null, "f.edi", "0002")).isEqualTo("the utility's 997 rejected functional"
                + " group 101 (f.edi, transaction set 0002) whole: AK9 R (5 number of included transaction sets does"
                + " not match, code 99); correct it and request again");
        FunctionalAck997 bare = new FunctionalAck997("GE", 7, List.of(), AckCode.REJECTED, 1, 1, 0, List.of());
        assertThat(Ack997Text.refusal(bare, null, "g.edi", "0001")).isEqualTo("the utility's 997 rejected functional"
                + " group 7 (g.edi, transaction set 0001) whole: AK9 R; correct it and request again");
    }
}
