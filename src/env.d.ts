declare namespace App {
	interface Locals {
		/** Set by the module page for the `<Step>` blocks of a lesson body. */
		piasLesson?: import('./lib/lesson/view').LessonView;
	}
}
