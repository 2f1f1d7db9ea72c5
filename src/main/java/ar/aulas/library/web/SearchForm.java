package ar.aulas.library.web;

import ar.aulas.library.LibraryCatalog;
import ar.aulas.library.LibraryDocument;

/** The library's search form, bound from the query string; what does not parse is simply not a filter. */
public class SearchForm {

    private String q;
    private String type;
    private String institution;
    private String locality;
    private String module;
    private String year;
    private String right;
    private String sort;
    private String page;

    LibraryCatalog.Search toSearch() {
        return new LibraryCatalog.Search(blank(q) ? null : q.strip(), parse(LibraryDocument.Type.class, type),
                blank(institution) ? null : institution, blank(locality) ? null : locality, number(module), number(year),
                parse(LibraryDocument.UsageRight.class, right),
                "title".equals(sort) ? LibraryCatalog.Sorting.TITLE : LibraryCatalog.Sorting.RECENT,
                number(page) == null ? 1 : number(page));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Integer number(String s) {
        try {
            return blank(s) ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return blank(value) ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getInstitution() { return institution; }
    public void setInstitution(String institution) { this.institution = institution; }
    public String getLocality() { return locality; }
    public void setLocality(String locality) { this.locality = locality; }
    public String getModule() { return module; }
    public void setModule(String module) { this.module = module; }
    public String getYear() { return year; }
    public void setYear(String year) { this.year = year; }
    public String getRight() { return right; }
    public void setRight(String right) { this.right = right; }
    public String getSort() { return sort; }
    public void setSort(String sort) { this.sort = sort; }
    public String getPage() { return page; }
    public void setPage(String page) { this.page = page; }
}
