package io.selvedge.access;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The caller may see the target but not do this to it: answered 403, a problem document. */
public class ActionDeniedException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    public ActionDeniedException() {
        this("You may not do this.");
    }

    /** @param detail shown to the caller: say what is refused, never anything of another's data */
    public ActionDeniedException(String detail) {
        super(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail), null);
    }
}
