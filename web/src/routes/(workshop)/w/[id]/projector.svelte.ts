/** Where the side panel's choice is kept: one for every board, as a room's projector is one. */
export const sidePanelKey = 'tp.board.sidePanelHidden'

/**
 * How the board is shown in the room: the side panel hidden (remembered in this browser, so a
 * projector laptop keeps it) and presenter mode (larger type, no chrome; Esc leaves it).
 *
 * @example
 * const projector = new Projector()
 * projector.toggleSidePanel() // hidden until toggled again, after reloads too
 */
export class Projector {
  sidePanelHidden = $state(readHidden())
  presenting = $state(false)

  toggleSidePanel(): void {
    this.sidePanelHidden = !this.sidePanelHidden
    try {
      if (this.sidePanelHidden) localStorage.setItem(sidePanelKey, '1')
      else localStorage.removeItem(sidePanelKey)
    } catch {
      // Storage refused (private mode): the choice lasts for this page only.
    }
  }

  present(on: boolean): void {
    this.presenting = on
  }
}

function readHidden(): boolean {
  try {
    return localStorage.getItem(sidePanelKey) === '1'
  } catch {
    return false
  }
}
