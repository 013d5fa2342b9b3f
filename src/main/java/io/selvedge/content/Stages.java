package io.selvedge.content;

import java.util.List;
import java.util.UUID;

/**
 * The workflow stages of each group's styles (issue 21): the group's own list, in order, or the defaults
 * (in development, proto, fit, sales sample, approved for production, dropped) until its admins define one.
 * A new style starts in the first stage. Approvals are another matter ({@code collab.Approvals}): a stage
 * never changes them.
 */
public interface Stages {

    /** At most this many stages in a group. */
    int MAX_STAGES = 20;

    /** The group's stages, in order. */
    List<Stage> of(UUID groupId);

    /**
     * Replaces the group's list: the drafts' order is the stages' order; an existing stage keeps its id, and a
     * stage left out is removed. For a caller who may {@code MANAGE_STAGES} (the caller's to check).
     *
     * @throws InvalidContentException for a name, colour or role list that is not valid, an unknown id, or too
     *     many or no stages
     * @throws ContentRefusedException for the removal of a stage some style is in
     */
    List<Stage> define(UUID groupId, List<StageDraft> drafts, UUID actor);

    /**
     * Moves a style into a stage, for a caller who may {@code MOVE_TO_STAGE} on the style and holds one of the
     * stage's roles there (both decided here, at the decision point). Moving into the stage it is in changes
     * nothing and records nothing.
     *
     * @throws io.selvedge.access.ActionDeniedException (403) for a caller the stage does not admit
     * @throws InvalidContentException for a stage the group does not have
     */
    Style move(UUID styleId, String stageId, UUID actor);

    /** A style's moves between stages, the newest first. */
    List<StageMove> history(UUID styleId);
}
