package io.supporthub.bot;

import java.util.List;

/** What the bot says in one language, written out by hand (not read from the texts under test). */
record Expected(String tag, String greeting, List<String> menuLabels, String menuPrompt, String newPrompt,
                String listText, String listEmpty, String addPrompt1041, String added1041, String closeChoose,
                String closeNone, String closed1041, String notFoundStart, String ratingPromptStart,
                String notSolvedLabel, String thanks4Start, String skipLabel, String commentSaved, String skipped,
                String notSolvedStart, String alreadyOpenStart, String opened1050, String helpStart) {

    static List<Expected> all() {
        return List.of(english("en"), russian(), french());
    }

    static Expected english(String tag) {
        return new Expected(tag,
                "Hello! You are writing to Acme support. Describe your question in a message, or choose an action below.",
                List.of("New request", "My requests", "Close my request"),
                "What would you like to do?",
                "Please describe your question in one message. It will open a new request.",
                "Your requests:\n#1043 Old question (Closed)\n#1042 Refund for order (Resolved)\n"
                        + "#1041 Broken screen (Open)\n\nChoose a request to add a message to it.",
                "You have no requests yet. Press \"New request\" or simply write to us.",
                "Write your message, it will be added to request #1041.",
                "Thank you, your message was added to request #1041.",
                "Which request would you like to close?",
                "You have no open requests.",
                "Request #1041 is closed. Thank you for contacting us!",
                "Sorry, we could not find this request.",
                "Your request #1042 \"Refund for order\" was resolved. How did we do?",
                "Not solved",
                "Thank you for your rating of 4 out of 5!",
                "Skip",
                "Thank you, your comment was saved.",
                "Thank you for your feedback!",
                "We are sorry the problem is not solved. Request #1042 was reopened",
                "Request #1041 is open and we are working on it.",
                "Your request #1050 was created. We will answer you here.",
                "Here is what I can do:");
    }

    static Expected russian() {
        return new Expected("ru",
                "Здравствуйте! Вы пишете в службу поддержки Acme. Опишите свой вопрос в сообщении или выберите действие ниже.",
                List.of("Новая заявка", "Мои заявки", "Закрыть заявку"),
                "Что вы хотите сделать?",
                "Опишите свой вопрос одним сообщением. Оно откроет новую заявку.",
                "Ваши заявки:\n№1043 Old question (Закрыта)\n№1042 Refund for order (Решена)\n"
                        + "№1041 Broken screen (Открыта)\n\nВыберите заявку, чтобы дополнить её сообщением.",
                "У вас пока нет заявок. Нажмите «Новая заявка» или просто напишите нам.",
                "Напишите сообщение, оно будет добавлено в заявку №1041.",
                "Спасибо, ваше сообщение добавлено в заявку №1041.",
                "Какую заявку вы хотите закрыть?",
                "У вас нет открытых заявок.",
                "Заявка №1041 закрыта. Спасибо за обращение!",
                "К сожалению, мы не нашли эту заявку.",
                "Ваша заявка №1042 «Refund for order» решена. Как мы справились?",
                "Не решено",
                "Спасибо за оценку 4 из 5!",
                "Пропустить",
                "Спасибо, ваш комментарий сохранён.",
                "Спасибо за отзыв!",
                "Нам жаль, что проблема не решена. Заявка №1042 снова открыта",
                "Заявка №1041 открыта, и мы над ней работаем.",
                "Ваша заявка №1050 создана. Мы ответим вам здесь.",
                "Вот что я умею:");
    }

    static Expected french() {
        return new Expected("fr",
                "Bonjour ! Vous écrivez au support Acme. Décrivez votre question dans un message ou choisissez une action ci-dessous.",
                List.of("Nouvelle demande", "Mes demandes", "Fermer ma demande"),
                "Que souhaitez-vous faire ?",
                "Décrivez votre question en un seul message. Il ouvrira une nouvelle demande.",
                "Vos demandes :\nn° 1043 Old question (Fermée)\nn° 1042 Refund for order (Résolue)\n"
                        + "n° 1041 Broken screen (Ouverte)\n\nChoisissez une demande pour y ajouter un message.",
                "Vous n'avez encore aucune demande. Appuyez sur « Nouvelle demande » ou écrivez-nous simplement.",
                "Écrivez votre message, il sera ajouté à la demande n° 1041.",
                "Merci, votre message a été ajouté à la demande n° 1041.",
                "Quelle demande souhaitez-vous fermer ?",
                "Vous n'avez aucune demande ouverte.",
                "La demande n° 1041 est fermée. Merci de nous avoir contactés !",
                "Désolé, nous n'avons pas trouvé cette demande.",
                "Votre demande n° 1042 « Refund for order » a été résolue. Comment avons-nous fait ?",
                "Non résolu",
                "Merci pour votre note de 4 sur 5 !",
                "Passer",
                "Merci, votre commentaire a été enregistré.",
                "Merci pour votre avis !",
                "Nous sommes désolés que le problème ne soit pas résolu. La demande n° 1042 a été rouverte",
                "La demande n° 1041 est ouverte et nous nous en occupons.",
                "Votre demande n° 1050 a été créée. Nous vous répondrons ici.",
                "Voici ce que je peux faire :");
    }

    @Override
    public String toString() {
        return tag;
    }
}
