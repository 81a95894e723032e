package io.supporthub.channels;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({"06 12 34 56 78,+33612345678", "+33 6 12 34 56 78,+33612345678", "0033612345678,+33612345678",
            "+1 (415) 555-2671,+14155552671"})
    void withDefaultRegion_nationalAndInternationalNumbersBecomeE164(String written, String e164) {
        assertThat(new PhoneNumbers("fr").toE164(written)).isEqualTo(e164);
    }

    @Test
    void withoutDefaultRegion_internationalNumbersBecomeE164() {
        assertThat(new PhoneNumbers(null).toE164("+44 20 7946 0958")).isEqualTo("+442079460958");
    }

    @Test
    void withoutDefaultRegion_aNationalNumberIsRefused_askingForTheCountryCode() {
        assertThatThrownBy(() -> new PhoneNumbers(null).toE164("06 12 34 56 78"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'06 12 34 56 78' is not a valid phone number: write it in international form, "
                        + "starting with + and the country code (e.g. +44 20 7946 0958)");
    }

    @Test
    void tooShortNumber_isRefusedSayingSo() {
        assertThatThrownBy(() -> new PhoneNumbers("FR").toE164("12345"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'12345' is not a valid phone number: ")
                .hasMessageContaining("France");
    }

    @Test
    void text_isRefused() {
        assertThatThrownBy(() -> new PhoneNumbers("FR").toE164("call me"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'call me' is not a valid phone number: it does not look like a phone number");
    }

    @Test
    void numberThatCannotExist_isRefused() {
        assertThat(new PhoneNumbers(null).isValid("+1 555 000 0000")).isFalse();
        assertThat(new PhoneNumbers(null).isValid("+14155552671")).isTrue();
    }

    @Test
    void unknownDefaultRegion_isAConfigurationError() {
        assertThatThrownBy(() -> new PhoneNumbers("XX"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DEFAULT_PHONE_REGION 'XX'");
    }

    @ParameterizedTest
    @CsvSource({"97245611234,+97245611234", "+972 4 561 1234,+97245611234", "0033612345678,+33612345678"})
    void internationalFirst_readsDigitsAsAnInternationalNumber(String sent, String e164) {
        assertThat(new PhoneNumbers(null).internationalFirst(sent)).contains(e164);
        assertThat(new PhoneNumbers("FR").internationalFirst(sent)).contains(e164);
    }

    @Test
    void internationalFirst_readsANationalNumberInTheDefaultRegion_onlyWhenThereIsOne() {
        assertThat(new PhoneNumbers("FR").internationalFirst("06 12 34 56 78")).contains("+33612345678");
        assertThat(new PhoneNumbers(null).internationalFirst("06 12 34 56 78")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"12", "call me", "+1 555 000 0000"})
    void internationalFirst_givesNothingForANumberThatIsNotValid(String sent) {
        assertThat(new PhoneNumbers("FR").internationalFirst(sent)).isEmpty();
    }

    @Test
    void internationalFirst_givesNothingForNoNumber() {
        assertThat(new PhoneNumbers("FR").internationalFirst(" ")).isEmpty();
        assertThat(new PhoneNumbers("FR").internationalFirst(null)).isEmpty();
    }

    @Test
    void international_withPlus_isReadWhetherOrNotThePlusMayBeMissing() {
        assertThat(PhoneNumbers.international("+33 6 12 34 56 78", false)).contains("+33612345678");
        assertThat(PhoneNumbers.international("+33 6 12 34 56 78", true)).contains("+33612345678");
    }

    @Test
    void international_withoutPlus_isReadOnlyWhenThePlusMayBeMissing() {
        assertThat(PhoneNumbers.international("33612345678", true)).contains("+33612345678");
        assertThat(PhoneNumbers.international("33612345678", false)).isEmpty();
        assertThat(PhoneNumbers.international("88005553535", false)).isEmpty();
    }

    @Test
    void international_givesNothingForANumberThatIsNotValid() {
        assertThat(PhoneNumbers.international("+1 555 000 0000", false)).isEmpty();
        assertThat(PhoneNumbers.international("0033612345678", true)).isEmpty();
        assertThat(PhoneNumbers.international(" ", true)).isEmpty();
        assertThat(PhoneNumbers.international(null, true)).isEmpty();
    }
}
