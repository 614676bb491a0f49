package io.spinewise.common.paging;

import io.spinewise.common.problem.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The {@code page} and {@code size} query parameters of every list. The hard maximum keeps a
 * single request from reading a whole table; asking for more is a clear 400, not a silent cap.
 * The page is bounded too, so that the row offset (page × size) always fits the database
 * drivers' int: a page beyond that answers 400 naming {@code page}, never a wrapped-around offset.
 */
public class PageRequest {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** The highest page any size can ask for: {@code MAX_PAGE × MAX_SIZE} still fits an int. */
    public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "must be 0 or more")
    @Max(value = MAX_PAGE, message = "must be at most " + MAX_PAGE)
    long page; // wider than the int it becomes, so that a page beyond an int is named in a 400, not a parse failure

    @QueryParam("size")
    @DefaultValue("" + DEFAULT_SIZE)
    @Min(value = 1, message = "must be at least 1")
    @Max(value = MAX_SIZE, message = "must be at most " + MAX_SIZE)
    int size;

    public PageRequest() {
    }

    public PageRequest(int page, int size) {
        this.page = page;
        this.size = size;
    }

    /** The page, from 0. */
    public int page() {
        return (int) checkedPage();
    }

    public int size() {
        return size;
    }

    /** The first row of the page. */
    public int offset() {
        return (int) (checkedPage() * size);
    }

    /**
     * Checked here as well as by the bean constraints, since a request built in code is not
     * validated: an offset that would not fit an int is always the page being too high.
     */
    private long checkedPage() {
        if (page < 0 || page > MAX_PAGE || page * size > Integer.MAX_VALUE) {
            throw ProblemException.invalid("page", "must be between 0 and " + MAX_PAGE);
        }
        return page;
    }
}
