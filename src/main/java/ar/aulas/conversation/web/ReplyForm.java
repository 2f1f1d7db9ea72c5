package ar.aulas.conversation.web;

import ar.aulas.conversation.Debates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.multipart.MultipartFile;

/** A reply: its text, the post it answers (empty: the thread) and whether to quote it. */
public class ReplyForm {

    private String text;
    private String replyTo;
    private boolean quote;
    private List<MultipartFile> files = new ArrayList<>();

    Debates.NewReply toData() {
        return new Debates.NewReply(text, replyTo, quote, files);
    }

    static ReplyForm restored(Map<String, String> typed) {
        ReplyForm form = new ReplyForm();
        if (typed != null) {
            form.text = typed.get("text");
            form.replyTo = typed.get("replyTo");
            form.quote = "true".equals(typed.get("quote"));
        }
        return form;
    }

    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getReplyTo() { return replyTo; }
    public void setReplyTo(String replyTo) { this.replyTo = replyTo; }
    public boolean isQuote() { return quote; }
    public void setQuote(boolean quote) { this.quote = quote; }
    public List<MultipartFile> getFiles() { return files; }
    public void setFiles(List<MultipartFile> files) { this.files = files; }
}
