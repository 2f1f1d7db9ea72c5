package ar.aulas.courses.web;

import ar.aulas.courses.Material;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

@ControllerAdvice(assignableTypes = {CourseController.class, MaterialController.class})
class CourseModelAdvice {

    @ModelAttribute("materialKinds")
    Material.Kind[] materialKinds() {
        return Material.Kind.values();
    }
}
