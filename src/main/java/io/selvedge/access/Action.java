package io.selvedge.access;

import static io.selvedge.access.Level.BRAND;
import static io.selvedge.access.Level.COMPANY;
import static io.selvedge.access.Level.GROUP;
import static io.selvedge.access.Level.SEASON;
import static io.selvedge.access.Level.STYLE;
import static io.selvedge.access.Level.WORKROOM;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a caller may ask to do, each on the levels of the tree where it is decided (the target of a
 * check is a node of one of these levels). Which roles may do each is {@link PermissionTable}'s.
 */
public enum Action {
    VIEW_GROUP("see the group (name, region) and list what is below it as far as the caller may see", GROUP),
    CHANGE_GROUP_SETTINGS("change group settings", GROUP),
    CHANGE_SECURITY_POLICY("change the group's security policy", GROUP),
    VIEW_GROUP_SETTINGS("view group settings, usage", GROUP),
    READ_AUDIT("read and export the audit trail", GROUP),
    READ_RESIDENCY_REPORT("read the group's data residency report (platform admins read every group's)", GROUP),
    MANAGE_INTEGRATION_TOKENS("manage integration API tokens (developer page)", GROUP),
    INVITE_TO_GROUP("invite to the group, grant group roles", GROUP),
    SEE_GROUP_MEMBERS("see the group's member / invitation list", GROUP),
    MANAGE_DOMAINS("claim, verify and release the group's e-mail domains", GROUP),
    MANAGE_IDENTITY_PROVIDERS(
            "add, change and remove the group's single sign-on connections (OIDC, SAML, LDAP) and their role mappings",
            GROUP),
    MANAGE_ACCOUNTS("manage the accounts the group manages (verified domain): reset MFA, disable, end sessions", GROUP),
    MANAGE_SCIM_TOKENS("make and revoke the bearer tokens of the group's SCIM provisioning", GROUP),
    SEE_ALERTS("see the group's security alerts and their timelines (admin console, API)", GROUP),
    DECIDE_ACCESS_REQUESTS(
            "approve, deny and revoke platform staff's requests for access to the group (Customer Lockbox)", GROUP),
    MANAGE_ALERTS("acknowledge and resolve the group's security alerts, and choose where they are sent", GROUP),
    MANAGE_STAGES(
            "define the group's workflow stages for styles: their names, order and the roles that may move a style"
                    + " into each",
            GROUP),
    CREATE_COMPANY("create a company", GROUP),
    DELETE_COMPANY("delete or restore a company", COMPANY),
    CHANGE_COMPANY_SETTINGS("change company settings (its name included)", COMPANY),
    INVITE_TO_COMPANY("invite to the company, grant company roles", COMPANY),
    SEE_COMPANY_MEMBERS("see the member / invitation list", COMPANY),
    MANAGE_BRANDS("create, edit, delete a brand", COMPANY, BRAND),
    SHARE_COMPANY_LIBRARY("share the company library", COMPANY),
    CHANGE_BRAND_SETTINGS("change brand settings", BRAND),
    INVITE_TO_BRAND("invite to the brand, grant brand roles", BRAND),
    SEE_BRAND_MEMBERS(
            "see the brand's member / invitation list, and who can see its seasons and workrooms",
            BRAND,
            SEASON,
            WORKROOM),
    MANAGE_SEASONS("create, edit, delete a season", BRAND, SEASON),
    MANAGE_WORKROOMS("create, edit, move, delete a workroom", SEASON, WORKROOM),
    VIEW("view a node; a workroom or style, its versions and 3D preview", COMPANY, BRAND, SEASON, WORKROOM, STYLE),
    COMMENT("comment; edit and delete own comments", WORKROOM, STYLE),
    DELETE_ANY_COMMENT("delete anyone's comment", WORKROOM, STYLE),
    UPLOAD("create a style; upload a version", WORKROOM, STYLE),
    EDIT_STYLE("edit a style's details", STYLE),
    MOVE_OR_DELETE_STYLE("move or delete a style", STYLE),
    DOWNLOAD("download a version", STYLE),
    APPROVE("approve or reject", STYLE),
    MOVE_TO_STAGE("move a style to a workflow stage (only a stage that admits one of the caller's roles)", STYLE),
    SHARE("share with editors / viewers", WORKROOM, STYLE),
    MANAGE_LINKS("create and revoke share links", WORKROOM, STYLE),
    TAKE_OVER_LINKS(
            "take over another's share link, which then serves while the taker may make links", WORKROOM, STYLE);

    private final String description;
    private final Set<Level> levels;

    Action(String description, Level first, Level... more) {
        this.description = description;
        this.levels = EnumSet.of(first, more);
    }

    /** The row's text in the documentation. */
    public String description() {
        return description;
    }

    /** The levels a target of this action may be on; on any other, the target is not found. */
    public Set<Level> levels() {
        return EnumSet.copyOf(levels);
    }

    public boolean appliesOn(Level level) {
        return levels.contains(level);
    }
}
