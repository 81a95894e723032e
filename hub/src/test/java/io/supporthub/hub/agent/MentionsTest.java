package io.supporthub.hub.agent;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MentionsTest {

    private final Agent anna = new Agent(1, "anna@team.example", "Anna Ray", "agent", 1, true);
    private final Agent ann = new Agent(2, "ann@team.example", "Ann", "agent", 1, true);
    private final Agent gone = new Agent(3, "old@team.example", "Old Timer", "agent", 1, false);
    private final List<Agent> agents = List.of(anna, ann, gone);

    @Test
    void fullNameOrEmail_inAnyCase_mentionsTheAgent() {
        assertThat(Mentions.in("please look, @anna ray.", agents)).containsExactly(anna);
        assertThat(Mentions.in("cc @ANN@team.example", agents)).containsExactly(ann);
    }

    @Test
    void nameGluedToMoreLetters_isNoMention() {
        assertThat(Mentions.in("@Annabel knows", agents)).isEmpty();
        assertThat(Mentions.in("mail x@Ann", agents)).isEmpty();
    }

    @Test
    void inactiveAgents_areNeverMentioned() {
        assertThat(Mentions.in("@Old Timer", agents)).isEmpty();
    }
}
