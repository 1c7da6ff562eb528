// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Error {
      message: string
    }
    /** Shallow-routing state: the patient page's question, one history entry per question. */
    interface PageState {
      question?: string
    }
  }
}

export {}
