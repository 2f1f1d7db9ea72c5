package ar.aulas.conversation;

/**
 * Whether a person sees a post in a mail (the digest or a post mailed as it comes), decided from their place in the
 * course rather than a session: never a hidden post, nor one behind the Q&A gate, nor a space they do not read.
 */
final class DigestReaders {

    private DigestReaders() {
    }

    /**
     * @param trainer a trainer of the course
     * @param institutionId the institution the person follows the course with (null when not enrolled)
     * @param member enrolled now, or a trainer
     * @param released the debate's encounter is released today (true for other spaces)
     */
    static boolean sees(boolean trainer, String institutionId, boolean member, String accountId, DiscussionThread thread,
            Post post, DebateSettings settings, boolean released) {
        if (!member || post.isHidden() || (thread.isHidden() && !trainer)) {
            return false;
        }
        if (trainer) {
            return true;
        }
        Space space = thread.space();
        return switch (space.kind()) {
            case DEBATE -> released && (!settings.isQaMode() || post.isOpening());
            case TEAM -> space.institutionId().equals(institutionId);
            case QUESTIONS -> !thread.isFaq() && (thread.getAuthorId().equals(accountId) || (thread.isSharedWithTeam()
                    && thread.getInstitutionId() != null && thread.getInstitutionId().equals(institutionId)));
        };
    }
}
